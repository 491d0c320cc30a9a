using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Security;

/// <summary>A conversation belongs to its channel and, on the web, to the page its session was issued to.</summary>
[Trait("Category", "Security")]
public sealed class ConversationIsolationTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private IngressFactory _ingress = null!;

    public async ValueTask InitializeAsync() =>
        _ingress = await new IngressFactory(_folder.Path, settings: new Dictionary<string, string?> { ["ChatStream:StreamsPerClient"] = "2" }).WhenReadyAsync();

    public async ValueTask DisposeAsync()
    {
        await _ingress.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("telegram:4242")]
    [InlineData("web-1")]
    public async Task A_chat_stream_without_its_session_token_is_refused(string conversation)
    {
        var response = await _ingress.CreateClient().GetAsync($"/chat/demo/{conversation}/events");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_opens_only_the_conversation_and_bot_it_was_issued_for()
    {
        var client = _ingress.CreateClient();
        var started = await (await client.PostAsync("/chat/demo/sessions", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = Uri.EscapeDataString(started.GetProperty("token").GetString()!);
        var conversation = started.GetProperty("conversationId").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/chat/demo/telegram:4242/events?token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/chat/other/{conversation}/events?token={token}")).StatusCode);
        var expiry = long.Parse(started.GetProperty("token").GetString()!.Split('.')[0]);
        var longer = $"{expiry + 86_400}.{started.GetProperty("token").GetString()!.Split('.')[1]}";
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/chat/demo/{conversation}/events?token={Uri.EscapeDataString(longer)}")).StatusCode);
    }

    [Theory]
    [InlineData("telegram:4242")]
    [InlineData("WhatsApp:4915112345678")]
    [InlineData("slack:T1:C1")]
    public async Task A_rest_sender_cannot_write_to_a_platform_conversation(string sender)
    {
        var response = await _ingress.CreateClient().PostAsJsonAsync("/webhooks/rest/demo", new { sender, message = "ORD12345" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("may not start with", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _ingress.CreateAdminClient().GetAsync($"/api/bots/demo/conversations/{Uri.EscapeDataString(sender)}")).StatusCode);
    }

    [Fact]
    public async Task Streams_are_capped_per_client()
    {
        var client = _ingress.CreateClient();
        var first = await Chat.OpenSessionAsync(client);
        var second = await Chat.OpenSessionAsync(client);
        using (first)
        using (second)
        {
            var started = await (await client.PostAsync("/chat/demo/sessions", null)).Content.ReadFromJsonAsync<JsonElement>();
            var third = await client.GetAsync(started.GetProperty("events").GetString(), HttpCompletionOption.ResponseHeadersRead);

            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.NotNull(third.Headers.RetryAfter);
        }
    }

    [Fact]
    public async Task A_non_ascii_sender_is_taken_once_with_one_turn_and_no_5xx()
    {
        var client = _ingress.CreateClient();
        var body = new { sender = "José", message = "hello", message_id = "jose-1" };

        var first = await client.PostAsJsonAsync("/webhooks/rest/demo", body);
        var again = await client.PostAsJsonAsync("/webhooks/rest/demo", body);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal("/api/bots/demo/conversations/Jos%C3%A9", first.Headers.Location?.OriginalString);
        var turns = await Chat.TurnsAsync(_ingress.CreateAdminClient(), Uri.EscapeDataString("José"), 1);
        await Task.Delay(500);
        Assert.Single((await Chat.TurnsAsync(_ingress.CreateAdminClient(), Uri.EscapeDataString("José"), 1)).Turns);
        Assert.Equal("José", turns.ConversationId);
    }
}
