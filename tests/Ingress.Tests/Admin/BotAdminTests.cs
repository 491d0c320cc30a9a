using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Ingress.Tests.Admin;

/// <summary>Bots, intents and entity types through the admin API.</summary>
public sealed class BotAdminTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private readonly HttpClient _admin = ingress.Factory.CreateAdminClient();

    [Fact]
    public async Task A_bot_is_created_read_updated_and_deleted()
    {
        var created = await _admin.PostAsJsonAsync("/api/bots", new { id = "crud", name = "Crud bot" });
        var duplicate = await _admin.PostAsJsonAsync("/api/bots", new { id = "crud", name = "Again" });
        var read = await _admin.GetFromJsonAsync<Bot>("/api/bots/crud");
        var updated = await _admin.PutAsJsonAsync("/api/bots/crud", new { name = "Renamed", fallbackThreshold = 0.6, contextMinutes = 5 });
        var listed = await _admin.GetFromJsonAsync<List<Bot>>("/api/bots");
        var deleted = await _admin.DeleteAsync("/api/bots/crud");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/bots/crud", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(new Bot("crud", "Crud bot"), read);
        Assert.Equal(new Bot("crud", "Renamed", 0.6, 5), await updated.Content.ReadFromJsonAsync<Bot>());
        Assert.Contains(listed!, b => b.Id == "crud");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/bots/crud")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.DeleteAsync("/api/bots/crud")).StatusCode);
    }

    [Fact]
    public async Task Invalid_bots_get_a_validation_problem_per_field()
    {
        var response = await _admin.PostAsJsonAsync("/api/bots", new { id = "Bad Id!", name = "", fallbackThreshold = 1.5, contextMinutes = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["contextMinutes", "fallbackThreshold", "id", "name"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Intents_and_entities_are_managed_per_bot()
    {
        await _admin.PostAsJsonAsync("/api/bots", new { id = "parts", name = "Parts" });
        var intent = new Intent("greet", "Greet", "Hi!", [], [new TrainingPhrase("hello", [])]);
        var entity = new EntityType("color", [new EntityValue("red", ["crimson"])], [@"#[0-9a-f]{6}"]);

        var createdIntent = await _admin.PostAsJsonAsync("/api/bots/parts/intents", intent);
        var duplicateIntent = await _admin.PostAsJsonAsync("/api/bots/parts/intents", intent);
        var replacedIntent = await _admin.PutAsJsonAsync("/api/bots/parts/intents/greet", intent with { SpeechResponse = "Hello!" });
        var createdEntity = await _admin.PostAsJsonAsync("/api/bots/parts/entities", entity);
        var badEntity = await _admin.PutAsJsonAsync("/api/bots/parts/entities/color", entity with { Patterns = ["(unclosed"] });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.OK), (createdIntent.StatusCode, duplicateIntent.StatusCode, replacedIntent.StatusCode));
        Assert.Equal("Hello!", (await _admin.GetFromJsonAsync<Intent>("/api/bots/parts/intents/greet"))!.SpeechResponse);
        Assert.Equal(HttpStatusCode.Created, createdEntity.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEntity.StatusCode);
        Assert.Equal("crimson", (await _admin.GetFromJsonAsync<EntityType>("/api/bots/parts/entities/color"))!.Values[0].Synonyms[0]);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync("/api/bots/parts/intents/greet")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync("/api/bots/parts/entities/color")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/bots/parts/intents/greet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsJsonAsync("/api/bots/nobot/intents", intent)).StatusCode);
    }

    [Fact]
    public async Task Intents_with_spans_outside_their_phrase_are_refused()
    {
        await _admin.PostAsJsonAsync("/api/bots", new { id = "spans", name = "Spans" });
        var intent = new Intent("x", "X", "", [new IntentParameter("", "", true, null)], [new TrainingPhrase("short", [new PhraseEntity("v", 3, 40, "e")])]);

        var response = await _admin.PostAsJsonAsync("/api/bots/spans/intents", intent);

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["parameters[0].name", "parameters[0].type", "trainingData[0].entities"], errors.EnumerateObject().Select(p => p.Name).Order());
    }
}
