using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Admin;

/// <summary>What a newcomer met in their first hour, each as it should be: errors that say what to do, the same shape everywhere.</summary>
public sealed class FirstHourTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private static object Intent(string id, params string[] phrases) => new
    {
        intentId = id, name = id, speechResponse = $"This is {id}.", parameters = Array.Empty<object>(),
        trainingData = phrases.Select(text => new { text, entities = Array.Empty<object>() }).ToArray(),
    };

    [Fact]
    public async Task Training_a_bot_of_one_intent_answers_why_at_once()
    {
        var admin = ingress.Factory.CreateAdminClient();
        await admin.PostAsJsonAsync("/api/bots", new { id = "one-intent", name = "One" });
        await admin.PostAsJsonAsync("/api/bots/one-intent/intents", Intent("opening_hours", "when are you open", "opening hours", "are you open on saturday"));

        var response = await admin.PostAsync("/api/bots/one-intent/train", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("at least two intents", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/bots/nosuch")]
    [InlineData("PUT", "/api/bots/nosuch")]
    [InlineData("PATCH", "/api/bots/nosuch")]
    [InlineData("DELETE", "/api/bots/nosuch")]
    [InlineData("POST", "/api/bots/nosuch/train")]
    [InlineData("GET", "/api/bots/nosuch/training")]
    [InlineData("GET", "/api/bots/nosuch/model")]
    [InlineData("GET", "/api/bots/nosuch/conversations")]
    [InlineData("GET", "/api/bots/nosuch/intents")]
    [InlineData("GET", "/api/bots/nosuch/intents/greet")]
    [InlineData("GET", "/api/bots/nosuch/export")]
    [InlineData("GET", "/api/bots/nosuch/analytics")]
    public async Task Every_unknown_bot_is_the_same_404_problem_naming_it(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "PATCH")
            request.Content = JsonContent.Create(new { id = "nosuch", name = "No" });

        var response = await ingress.Factory.CreateAdminClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("There is no bot 'nosuch'.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bot_created_twice_is_a_409_problem_and_an_unknown_intent_of_a_known_bot_says_which()
    {
        var admin = ingress.Factory.CreateAdminClient();
        await admin.PostAsJsonAsync("/api/bots", new { id = "twice", name = "Twice" });

        var again = await admin.PostAsJsonAsync("/api/bots", new { id = "twice", name = "Twice" });
        var intent = await admin.GetAsync("/api/bots/twice/intents/nope");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already exists", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("Bot 'twice' has no intent 'nope'.", (await intent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Patch_changes_only_the_settings_it_names()
    {
        var admin = ingress.Factory.CreateAdminClient();
        await admin.PostAsJsonAsync("/api/bots", new { id = "patched", name = "Shop assistant", fallbackThreshold = 0.6 });

        var patched = await admin.PatchAsJsonAsync("/api/bots/patched", new { actionHosts = new[] { "api.example.com" } });
        var unknown = await admin.PatchAsJsonAsync("/api/bots/patched", new { actionHost = "typo" });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var bot = await admin.GetFromJsonAsync<JsonElement>("/api/bots/patched");
        Assert.Equal(("Shop assistant", 0.6, "api.example.com"),
            (bot.GetProperty("name").GetString(), bot.GetProperty("fallbackThreshold").GetDouble(), bot.GetProperty("actionHosts")[0].GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("actionHost", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_nlu_yml_sent_without_its_format_is_recognised_and_a_yaml_error_names_its_line()
    {
        var admin = ingress.Factory.CreateAdminClient();
        const string nlu = "version: \"3.1\"\nnlu:\n- intent: greet\n  examples: |\n    - hi\n    - hello\n    - hey\n";
        const string broken = "version: \"3.1\"\nnlu:\n- intent: greet\n  examples: [unclosed\n";

        var recognised = await admin.PostAsync("/api/bots/sniffed/import?dryRun=true", new StringContent(nlu, Encoding.UTF8, "text/plain"));
        var refused = await admin.PostAsync("/api/bots/sniffed/import?dryRun=true", new StringContent(broken, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, recognised.StatusCode);
        Assert.Equal(1, (await recognised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intents").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Matches("line [0-9]+, column [0-9]+", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_chat_session_suggests_the_bots_own_phrases()
    {
        var session = await (await ingress.Factory.CreateClient().PostAsync("/chat/demo/sessions", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.NotEqual(0, session.GetProperty("examples").GetArrayLength());
    }
}

/// <summary>A bot nobody trained answers with its fallback, and the log says so once, not once per message.</summary>
public sealed class UntrainedBotTests
{
    [Fact]
    public async Task Messages_to_a_bot_without_a_model_get_its_fallback_and_one_log_line()
    {
        using var folder = new TempFolder();
        var logs = new ErrorLogCollector(Microsoft.Extensions.Logging.LogLevel.Warning);
        await using var ingress = await new IngressFactory(folder.Path, logs: logs).WhenReadyAsync();
        var admin = ingress.CreateAdminClient();
        await admin.PostAsJsonAsync("/api/bots", new { id = "untrained", name = "Untrained" });

        foreach (var text in new[] { "hello", "anyone there?", "hello?" })
            await Chat.SendAsync(ingress.CreateClient(), "waiting", text, "untrained");
        var turns = (await Chat.TurnsAsync(admin, "waiting", 3, "untrained")).Turns;

        Assert.All(turns, turn => Assert.Equal(["Sorry, I didn't get that.", "Could you say it another way?"], turn.Replies));
        Assert.Single(logs.Errors, line => line.Contains("Bot untrained has no trained model yet", StringComparison.Ordinal));
    }
}
