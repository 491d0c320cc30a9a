using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>Replies reach the user: on the chat page's event stream, and at a callback URL over real HTTP.</summary>
public sealed class LiveRepliesTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    [Fact]
    public async Task The_chat_stream_carries_the_reply_to_a_posted_message()
    {
        var client = ingress.Factory.CreateClient();
        using var session = await Chat.OpenSessionAsync(client);

        await Chat.SendAsync(client, session, "hello");

        var reply = await ReadReplyAsync(session.Replies).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal("greet", reply.GetProperty("intent").GetString());
        Assert.StartsWith("Hi", reply.GetProperty("messages")[0].GetString());
    }

    [Fact]
    public async Task Only_messages_posted_with_the_session_token_are_streamed()
    {
        var client = ingress.Factory.CreateClient();
        using var session = await Chat.OpenSessionAsync(client);

        var unstreamed = await Chat.SendAsync(client, session.ConversationId, "hello");
        await Chat.TurnsAsync(ingress.Factory.CreateAdminClient(), session.ConversationId, 1);
        await Chat.SendAsync(client, session, "where is my order");

        var reply = await ReadReplyAsync(session.Replies).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal("order_status", reply.GetProperty("intent").GetString());
        Assert.NotEqual(unstreamed.GetProperty("messageId").GetString(), reply.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task A_session_token_of_another_conversation_is_refused()
    {
        var client = ingress.Factory.CreateClient();
        using var mine = await Chat.OpenSessionAsync(client);

        var response = await Chat.PostWithSessionAsync(client, "someone-else", mine.Token, "hello");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("does not open", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_session_for_an_unknown_bot_is_not_found()
    {
        var response = await ingress.Factory.CreateClient().PostAsync("/chat/nobot/sessions", null, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_callback_url_in_the_metadata_receives_the_reply_once()
    {
        var received = new List<JsonElement>();
        await using var receiver = await StartReceiverAsync(received);

        var accepted = await Chat.SendAsync(ingress.Factory.CreateClient(), "cb-1", "where is my order", metadata: new { callback_url = $"{receiver.Urls.First()}/replies" });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (received.Count == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(25, TestContext.Current.CancellationToken);
        var body = Assert.Single(received);
        Assert.Equal(accepted.GetProperty("messageId").GetString(), body.GetProperty("messageId").GetString());
        Assert.Equal("cb-1", body.GetProperty("messages")[0].GetProperty("recipient_id").GetString());
        Assert.Contains("order number", body.GetProperty("messages")[1].GetProperty("text").GetString());
    }

    internal static async Task<JsonElement> ReadReplyAsync(StreamReader reader)
    {
        string? eventType = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                eventType = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventType == "reply")
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
        }
        throw new EndOfStreamException("The event stream ended without a reply.");
    }

    /// <summary>A real HTTP server on loopback that records the JSON bodies posted to it.</summary>
    private static async Task<WebApplication> StartReceiverAsync(List<JsonElement> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/replies", async (HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<JsonElement>();
            lock (received)
                received.Add(body);
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}
