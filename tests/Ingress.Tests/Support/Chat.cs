using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Ingress.Admin;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>Talks to a bot the way a platform does, and reads back what was logged.</summary>
public static class Chat
{
    public static async Task<JsonElement> SendAsync(HttpClient client, string sender, string message, string bot = "demo", object? metadata = null)
    {
        var response = await client.PostAsJsonAsync($"/webhooks/rest/{bot}", new { sender, message, metadata = metadata ?? new { } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Starts a web-chat session and opens its reply stream, as the chat page does.</summary>
    public static async Task<ChatPageSession> OpenSessionAsync(HttpClient client, string bot = "demo")
    {
        var session = await client.PostAsync($"/chat/{bot}/sessions", null);
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        var started = await session.Content.ReadFromJsonAsync<JsonElement>();
        var stream = await client.GetStreamAsync(started.GetProperty("events").GetString());
        return new ChatPageSession(started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!, new StreamReader(stream));
    }

    /// <summary>Posts as the page does: its conversation, its session token in the header that asks for the stream.</summary>
    public static async Task SendAsync(HttpClient client, ChatPageSession session, string message, string bot = "demo") =>
        Assert.Equal(HttpStatusCode.Accepted, (await PostWithSessionAsync(client, session.ConversationId, session.Token, message, bot)).StatusCode);

    /// <summary>A REST message as <paramref name="sender"/> carrying <paramref name="token"/> in the chat-session header.</summary>
    public static async Task<HttpResponseMessage> PostWithSessionAsync(HttpClient client, string sender, string token, string message, string bot = "demo")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/rest/{bot}") { Content = JsonContent.Create(new { sender, message }) };
        request.Headers.Add(ChatbotPipeline.Ingress.Webhooks.RestWebhookApi.ChatSessionHeader, token);
        return await client.SendAsync(request);
    }

    /// <summary>The logged turns of a conversation once there are <paramref name="count"/> of them.</summary>
    public static async Task<ConversationsApi.ConversationView> TurnsAsync(HttpClient admin, string conversationId, int count, string bot = "demo")
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await admin.GetAsync($"/api/bots/{bot}/conversations/{conversationId}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var view = (await response.Content.ReadFromJsonAsync<ConversationsApi.ConversationView>(JsonSerializerOptions.Web))!;
                if (view.Turns.Count >= count)
                    return view;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Conversation {conversationId} did not reach {count} turns.");
            await Task.Delay(25);
        }
    }
}

/// <summary>A web-chat session as a page holds it: the conversation to post as, the token, the open reply stream.</summary>
public sealed record ChatPageSession(string ConversationId, string Token, StreamReader Replies) : IDisposable
{
    public void Dispose() => Replies.Dispose();
}
