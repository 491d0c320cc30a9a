using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Ingress.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// ai-chatbot-framework's order bot (Files/aicf/order_status.json) with its API call pointed at a local fake order
/// API: the call is made by the action consumer, once per message, and its answer is what the bot says.
/// </summary>
public sealed class ActionTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private IngressFactory _ingress = null!;
    private FakeOrderApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeOrderApi.StartAsync();
        _ingress = await new IngressFactory(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Actions:TimeoutSeconds"] = "2",
            ["Actions:BackoffMilliseconds"] = "10",
        }).WhenReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _ingress.DisposeAsync();
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Imports the order bot with its URL on the fake API, allows <paramref name="actionHosts"/> (<c>{port}</c> is the
    /// fake API's), and trains it.</summary>
    private async Task<string> OrderBotAsync(string botId, string[] actionHosts, string? host = null)
    {
        var admin = _ingress.CreateAdminClient();
        var file = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "aicf", "order_status.json")))!;
        var api = file["intents"]!.AsArray().Single(i => i!["intentId"]!.GetValue<string>() == "check_order_status")!["apiDetails"]!;
        var baseUrl = host is null ? _api.BaseUrl : _api.BaseUrl.Replace("127.0.0.1", host);
        api["url"] = $"{baseUrl}/api/orders/status?order_id={{{{ parameters['order_number'] }}}}";
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/bots/{botId}/import", JsonContent.Create(file))).StatusCode);
        actionHosts = actionHosts.Select(entry => entry.Replace("{port}", _api.Port.ToString())).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/bots/{botId}", new { id = botId, name = "Orders", actionHosts })).StatusCode);
        await _ingress.TrainAsync(botId);
        return botId;
    }

    private async Task<IReadOnlyList<ConversationTurn>> AskForOrderAsync(string botId, string user, params string[] more)
    {
        var client = _ingress.CreateClient();
        string[] said = ["What is my order status", "ORD123456", .. more];
        foreach (var text in said)
            await Chat.SendAsync(client, user, text, botId);
        return (await Chat.TurnsAsync(_ingress.CreateAdminClient(), user, said.Length, botId)).Turns;
    }

    [Fact]
    public async Task The_order_bot_answers_with_the_status_the_api_returned_and_calls_it_once_even_when_redelivered()
    {
        var bot = await OrderBotAsync("orders", ["127.0.0.1:{port}"]);

        var turns = await AskForOrderAsync(bot, "buyer");

        var answer = turns[1];
        Assert.Equal(["Let me check the status of order ORD123456", "Your order status is **shipped** and is expected to arrive in 2-3 business days."], answer.Replies);
        Assert.Equal((200, 1, null), (answer.Action!.Status, answer.Action.Attempts, answer.Action.Error));
        Assert.Equal([("ORD123456", answer.MessageId)], _api.Calls);

        // The same action delivered again (a redelivery after a crash) answers from the call it made.
        var understood = new MessageUnderstood(Message(bot, "buyer", answer.MessageId), answer.Intent, answer.Confidence, answer.Entities,
            answer.Parameters, [], DialogueStates.Completed, answer.ModelVersion, DateTimeOffset.UtcNow, 1);
        await _ingress.Services.GetRequiredService<IBus>().Publish(new ActionRequested(understood));
        await Task.Delay(500);
        Assert.Single(_api.Calls);
    }

    [Fact]
    public async Task An_api_that_is_down_is_retried_then_the_bot_says_so_and_the_turn_records_why()
    {
        var bot = await OrderBotAsync("orders-down", ["127.0.0.1:{port}"]);
        _api.DefaultStatus = 503;

        var answer = (await AskForOrderAsync(bot, "unlucky"))[1];

        Assert.Equal(3, _api.Calls.Count);
        Assert.Equal(["Sorry, I couldn't get that done right now.", "Please try again in a little while."], answer.Replies);
        Assert.Equal((503, 3), (answer.Action!.Status, answer.Action.Attempts));
        Assert.Contains("503", answer.Action.Error);
    }

    [Fact]
    public async Task A_post_carries_its_rendered_headers_and_json_body()
    {
        var admin = _ingress.CreateAdminClient();
        var file = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "aicf", "order_status.json")))!;
        var intent = file["intents"]!.AsArray().Single(i => i!["intentId"]!.GetValue<string>() == "check_order_status")!;
        intent["apiDetails"] = new JsonObject
        {
            ["url"] = $"{_api.BaseUrl}/api/orders", ["requestType"] = "POST", ["isJson"] = true,
            ["headers"] = new JsonArray(new JsonObject { ["headerKey"] = "X-Shop", ["headerValue"] = "{{ context.shop }}" }),
            ["jsonData"] = """{"order": "{{ parameters.order_number }}"}""",
        };
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/bots/orders-post/import", JsonContent.Create(file))).StatusCode);
        await admin.PutAsJsonAsync("/api/bots/orders-post", new { id = "orders-post", name = "Orders", actionHosts = new[] { $"127.0.0.1:{_api.Port}" } });
        await _ingress.TrainAsync("orders-post");

        var client = _ingress.CreateClient();
        await Chat.SendAsync(client, "poster", "What is my order status", "orders-post", metadata: new { shop = "north" });
        await Chat.SendAsync(client, "poster", "ORD123456", "orders-post", metadata: new { shop = "north" });
        var answer = (await Chat.TurnsAsync(admin, "poster", 2, "orders-post")).Turns[1];

        Assert.Equal(200, answer.Action!.Status);
        var (body, shop) = Assert.Single(_api.Posts);
        Assert.Equal(("""{"order":"ORD123456"}""", "north"), (body, shop));
        Assert.Contains("Your order status is **created**", string.Join(" ", answer.Replies));
    }

    [Fact]
    public async Task A_4xx_is_not_retried()
    {
        var bot = await OrderBotAsync("orders-404", ["127.0.0.1:{port}"]);
        _api.DefaultStatus = 404;

        var answer = (await AskForOrderAsync(bot, "unknown-order"))[1];

        Assert.Single(_api.Calls);
        Assert.Equal((404, 1), (answer.Action!.Status, answer.Action.Attempts));
    }

    [Theory]
    [InlineData(new string[0], "lists no actionHosts")]
    [InlineData(new[] { "*.0.0.1:{port}" }, "internal address")]
    [InlineData(new[] { "127.0.0.1" }, "Port")]
    [InlineData(new[] { "orders.example.com" }, "not in the bot's actionHosts")]
    public async Task A_loopback_target_not_listed_by_name_is_refused_without_a_request(string[] actionHosts, string reason)
    {
        var bot = await OrderBotAsync($"orders-refused-{actionHosts.Length}-{reason.Length}", actionHosts);

        var answer = (await AskForOrderAsync(bot, "refused"))[1];

        Assert.Empty(_api.Calls);
        Assert.Equal(0, answer.Action!.Attempts);
        Assert.Contains(reason, answer.Action.Error);
        Assert.NotEmpty(answer.Replies);
    }

    [Fact]
    public async Task The_next_message_of_a_conversation_is_answered_after_the_action_of_the_previous_one()
    {
        var bot = await OrderBotAsync("orders-slow", ["127.0.0.1:{port}"]);
        _api.Delay = TimeSpan.FromSeconds(1);

        var turns = await AskForOrderAsync(bot, "impatient", "hello");

        Assert.True(turns[2].ProcessedAt > turns[1].ProcessedAt, $"'hello' was answered at {turns[2].ProcessedAt:O}, before the order's answer at {turns[1].ProcessedAt:O}.");
        Assert.Contains("shipped", string.Join(" ", turns[1].Replies));
    }

    private static MessageReceived Message(string bot, string user, string messageId) =>
        new(messageId, bot, ChannelNames.Rest, user, user, "ORD123456", null, DateTimeOffset.UtcNow, new Dictionary<string, string>());
}
