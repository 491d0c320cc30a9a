using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Admin;

/// <summary>Rasa 3.x NLU data and a domain's responses import, train and talk; an export imports back to the same bot.</summary>
public sealed class RasaFilesTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private static string File(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "rasa", name));

    private static MultipartFormDataContent NluAndDomain()
    {
        var form = new MultipartFormDataContent();
        foreach (var name in new[] { "nlu.yml", "domain.yml" })
        {
            var part = new StringContent(File(name), Encoding.UTF8);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
            form.Add(part, "files", name);
        }
        return form;
    }

    [Fact]
    public async Task A_rasa_bot_with_entities_synonyms_regex_lookups_and_responses_imports_trains_and_answers()
    {
        var admin = ingress.Factory.CreateAdminClient();

        var import = await admin.PostAsync("/api/bots/rasa-food/import?format=rasa", NluAndDomain());

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var summary = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((4, 3), (summary.GetProperty("intents").GetInt32(), summary.GetProperty("entities").GetInt32()));
        var entities = await admin.GetFromJsonAsync<JsonElement>("/api/bots/rasa-food/entities");
        var city = entities.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "city");
        var newYork = city.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("value").GetString() == "New York City");
        Assert.Equal(["NYC", "nyc", "the big apple"], newYork.GetProperty("synonyms").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(@"\d{12}", entities.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "account_number").GetProperty("patterns")[0].GetString());
        var search = await admin.GetFromJsonAsync<JsonElement>("/api/bots/rasa-food/intents/search_restaurant");
        var annotated = search.GetProperty("trainingData")[1];
        Assert.Equal("find me italian food in NYC", annotated.GetProperty("text").GetString());
        Assert.Equal(("city", "New York City", 24, 27), annotated.GetProperty("entities").EnumerateArray()
            .Where(e => e.GetProperty("name").GetString() == "city")
            .Select(e => (e.GetProperty("name").GetString(), e.GetProperty("value").GetString(), e.GetProperty("begin").GetInt32(), e.GetProperty("end").GetInt32())).Single());

        await ingress.Factory.TrainAsync("rasa-food");
        await Chat.SendAsync(ingress.Factory.CreateClient(), "rasa-user", "hello", "rasa-food");
        var turn = Assert.Single((await Chat.TurnsAsync(admin, "rasa-user", 1, "rasa-food")).Turns);
        Assert.Equal(("greet", "Hey! How can I help?"), (turn.Intent, turn.Replies.Single()));
        Assert.Equal(["/search_restaurant", "/goodbye"], turn.Buttons!.Select(b => b.Payload));
    }

    [Fact]
    public async Task An_export_imports_back_to_the_same_bot()
    {
        var admin = ingress.Factory.CreateAdminClient();
        await admin.PostAsync("/api/bots/rasa-trip/import?format=rasa", NluAndDomain());

        var exported = await admin.GetStringAsync("/api/bots/rasa-trip/export?format=rasa");
        var reimport = await admin.PostAsync("/api/bots/rasa-trip2/import?format=rasa", new StringContent(exported, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
        Assert.Equal(exported, await admin.GetStringAsync("/api/bots/rasa-trip2/export?format=rasa"));
        Assert.Equal(await admin.GetStringAsync("/api/bots/rasa-trip/export"), await admin.GetStringAsync("/api/bots/rasa-trip2/export"));
        Assert.Contains("[NYC]{\"entity\":\"city\",\"value\":\"New York City\"}", exported);
        Assert.Contains("- synonym: New York City", exported);
        Assert.Contains("- regex: account_number", exported);
    }

    [Theory]
    [InlineData("nlu: [intent: {examples: |\n  - x", "could not be read")]
    [InlineData("anything", "Unknown format")]
    public async Task A_broken_file_or_unknown_format_is_a_400_with_the_reason(string body, string reason)
    {
        var format = reason == "Unknown format" ? "dialogflow" : "rasa";
        var response = await ingress.Factory.CreateAdminClient().PostAsync($"/api/bots/rasa-broken/import?format={format}", new StringContent(body, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }
}
