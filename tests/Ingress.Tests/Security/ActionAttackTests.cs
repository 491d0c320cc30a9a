using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Security;

/// <summary>
/// Users' text reaching a bot's API call (through <c>context</c>, the REST channel's metadata, as any template value):
/// the API receives exactly one well-formed request with the value encoded, or none and a recorded failure.
/// </summary>
[Trait("Category", "Security")]
public sealed class ActionAttackTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private IngressFactory _ingress = null!;
    private FakeOrderApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeOrderApi.StartAsync();
        _ingress = await new IngressFactory(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Actions:TimeoutSeconds"] = "10",
            ["Actions:BackoffMilliseconds"] = "10",
        }).WhenReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _ingress.DisposeAsync();
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>The order bot with its API call replaced by <paramref name="apiDetails"/>; the fake API is allowed.</summary>
    private async Task<string> BotAsync(string botId, JsonObject apiDetails)
    {
        var admin = _ingress.CreateAdminClient();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "aicf", "order_status.json")))!;
        file["intents"]!.AsArray().Single(i => i!["intentId"]!.GetValue<string>() == "check_order_status")!["apiDetails"] = apiDetails;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/bots/{botId}/import", JsonContent.Create(file))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/bots/{botId}", new { id = botId, name = "Orders", actionHosts = new[] { $"127.0.0.1:{_api.Port}" } })).StatusCode);
        await _ingress.TrainAsync(botId);
        return botId;
    }

    /// <summary>Asks for an order with <paramref name="attack"/> as <c>context.attack</c>; the turn that made the call.</summary>
    private async Task<ConversationTurn> AskAsync(string botId, string user, string attack)
    {
        var client = _ingress.CreateClient();
        await Chat.SendAsync(client, user, "What is my order status", botId, new { attack });
        await Chat.SendAsync(client, user, "ORD123456", botId, new { attack });
        return (await Chat.TurnsAsync(_ingress.CreateAdminClient(), user, 2, botId)).Turns[1];
    }

    private static JsonObject Get(string url) => new() { ["url"] = url, ["requestType"] = "GET", ["isJson"] = false, ["headers"] = new JsonArray() };

    [Fact]
    public async Task A_header_value_with_crlf_fails_the_action_and_sends_nothing()
    {
        var api = Get($"{_api.BaseUrl}/api/orders/status?order_id=1");
        api["headers"] = new JsonArray(new JsonObject { ["headerKey"] = "X-User", ["headerValue"] = "{{ context.attack }}" });
        var bot = await BotAsync("smuggle", api);

        var turn = await AskAsync(bot, "smuggler", "bob\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        Assert.Empty(_api.Requests);
        Assert.Contains("control character", turn.Action!.Error);
        Assert.Equal(0, turn.Action.Attempts);
        Assert.NotEmpty(turn.Replies);
    }

    [Fact]
    public async Task Slashes_dots_and_a_query_in_a_path_value_stay_inside_one_segment()
    {
        var bot = await BotAsync("traversal", Get($"{_api.BaseUrl}/api/orders/{{{{ context.attack }}}}/status?key=SECRET"));

        await AskAsync(bot, "traveller", "ORD1/../../../admin/delete-all?x=");

        var (method, pathAndQuery, _, _) = Assert.Single(_api.Requests);
        Assert.Equal("GET", method);
        Assert.StartsWith("/api/orders/ORD1%2F..%2F..%2F..%2Fadmin%2Fdelete-all", pathAndQuery);
        Assert.EndsWith("/status?key=SECRET", pathAndQuery);
        Assert.Equal(5, pathAndQuery.Split('?')[0].Split('/').Length);
    }

    [Fact]
    public async Task A_value_that_is_a_dot_segment_is_refused()
    {
        var bot = await BotAsync("dots", Get($"{_api.BaseUrl}/api/orders/{{{{ context.attack }}}}/status"));

        var turn = await AskAsync(bot, "dotty", "..");

        Assert.Empty(_api.Requests);
        Assert.Contains("path segment", turn.Action!.Error);
    }

    [Fact]
    public async Task Raw_opts_a_value_out_of_encoding()
    {
        var bot = await BotAsync("raw", Get($"{_api.BaseUrl}/api/orders/status?{{{{ context.attack | raw }}}}"));

        await AskAsync(bot, "rawest", "order_id=1&b=2");

        Assert.Equal("/api/orders/status?order_id=1&b=2", Assert.Single(_api.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData("""{"order": "{{ context.attack }}", "shop": "north"}""")]
    [InlineData("""{"order": {{ context.attack }}, "shop": "north"}""")]
    public async Task A_quote_in_a_json_value_cannot_add_a_field(string jsonData)
    {
        var api = new JsonObject { ["url"] = $"{_api.BaseUrl}/api/orders", ["requestType"] = "POST", ["isJson"] = true, ["headers"] = new JsonArray(), ["jsonData"] = jsonData };
        var bot = await BotAsync($"quote-{jsonData.Length}", api);
        const string attack = "x\", \"admin\": true, \"y\": \"";

        var turn = await AskAsync(bot, "quoter", attack);

        if (jsonData.Contains("\"{{"))
        {
            var body = JsonNode.Parse(Assert.Single(_api.Requests).Body)!.AsObject();
            Assert.Equal(["order", "shop"], body.Select(p => p.Key));
            Assert.Equal(attack, body["order"]!.GetValue<string>());
        }
        else
        {
            // Pasted outside a string the value cannot make valid JSON: nothing is sent, and the turn says why.
            Assert.Empty(_api.Requests);
            Assert.Contains("JSON", turn.Action!.Error);
        }
    }

    [Fact]
    public async Task A_300_megabyte_answer_is_read_no_further_than_the_limit_called_once_and_answered_with_the_failure_reply()
    {
        var bot = await BotAsync("huge", Get($"{_api.BaseUrl}/api/orders/status?order_id={{{{ context.attack }}}}"));
        _api.HugeAnswerBytes = 300L * 1024 * 1024;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var turn = await AskAsync(bot, "greedy", "1");

        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocated < 64L * 1024 * 1024,
            $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024 / 1024} MiB while the answer streamed");
        Assert.Single(_api.Requests);
        Assert.Equal(1, turn.Action!.Attempts);
        Assert.Contains("more than", turn.Action.Error);
        Assert.Equal(["Sorry, I couldn't get that done right now.", "Please try again in a little while."], turn.Replies);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:1")]
    public async Task A_listed_host_allows_only_the_port_it_names_or_80_and_443(string entry)
    {
        var admin = _ingress.CreateAdminClient();
        var bot = await BotAsync($"port-{entry.Length}", Get($"{_api.BaseUrl}/api/orders/status?order_id=1"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/bots/{bot}", new { id = bot, name = "Orders", actionHosts = new[] { entry } })).StatusCode);

        var turn = await AskAsync(bot, "porter", "1");

        Assert.Empty(_api.Requests);
        Assert.Contains($"Port {_api.Port}", turn.Action!.Error);
    }
}
