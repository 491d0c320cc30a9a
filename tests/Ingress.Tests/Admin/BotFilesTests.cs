using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Admin;

/// <summary>ai-chatbot-framework files import and export without losing anything.</summary>
public sealed class BotFilesTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private static readonly string TravelBot = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "travel-bot.aicf.json"));

    [Fact]
    public async Task An_imported_file_exports_back_equal()
    {
        var admin = ingress.Factory.CreateAdminClient();

        var import = await admin.PostAsync("/api/bots/travel/import", new StringContent(TravelBot, System.Text.Encoding.UTF8, "application/json"));
        var exported = await admin.GetStringAsync("/api/bots/travel/export");

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var summary = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 2, true), (summary.GetProperty("intents").GetInt32(), summary.GetProperty("entities").GetInt32(), summary.GetProperty("createdBot").GetBoolean()));
        Assert.True(JsonNode.DeepEquals(Normalize(JsonNode.Parse(TravelBot)!), Normalize(JsonNode.Parse(exported)!)),
            $"Export differs from import:\n{exported}");
    }

    [Fact]
    public async Task Importing_again_replaces_the_contents()
    {
        var admin = ingress.Factory.CreateAdminClient();
        await admin.PostAsync("/api/bots/travel2/import", new StringContent(TravelBot, System.Text.Encoding.UTF8, "application/json"));

        var second = await admin.PostAsJsonAsync("/api/bots/travel2/import", new { intents = Array.Empty<object>(), entities = Array.Empty<object>() });

        Assert.False((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("createdBot").GetBoolean());
        Assert.Equal("[]", (await admin.GetFromJsonAsync<JsonElement>("/api/bots/travel2/intents")).GetRawText());
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_every_problem_and_stores_nothing()
    {
        var admin = ingress.Factory.CreateAdminClient();
        var file = new
        {
            intents = new object[]
            {
                new { name = "A", intentId = "same", speechResponse = "x", parameters = Array.Empty<object>(), trainingData = new[] { new { text = "hi", entities = new[] { new { value = "hi", begin = 0, end = 9, name = "e" } } } } },
                new { name = "B", intentId = "same", speechResponse = "x", parameters = Array.Empty<object>(), trainingData = Array.Empty<object>() },
            },
            entities = new[] { new { name = "bad", entity_values = Array.Empty<object>(), patterns = new[] { "([unclosed" } } },
        };

        var response = await admin.PostAsJsonAsync("/api/bots/broken/import", file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("intents.same", out _));
        Assert.True(errors.TryGetProperty("intents[0].trainingData[0].entities", out _));
        Assert.True(errors.TryGetProperty("entities[0].patterns", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/bots/broken")).StatusCode);
    }

    /// <summary>Drops what the exporter adds on top of the original format (empty <c>patterns</c>), so the rest must match exactly.</summary>
    private static JsonNode Normalize(JsonNode file)
    {
        foreach (var entity in file["entities"]!.AsArray())
        {
            var patterns = entity!["patterns"];
            if (patterns is null || patterns.AsArray().Count == 0)
                entity.AsObject().Remove("patterns");
        }
        return file;
    }
}
