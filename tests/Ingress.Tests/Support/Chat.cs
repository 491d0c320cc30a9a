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

    /// <summary>Starts a web-chat session and opens its reply stream: the conversation to post as, and the stream.</summary>
    public static async Task<(string ConversationId, StreamReader Replies)> OpenSessionAsync(HttpClient client, string bot = "demo")
    {
        var session = await client.PostAsync($"/chat/{bot}/sessions", null);
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        var started = await session.Content.ReadFromJsonAsync<JsonElement>();
        var stream = await client.GetStreamAsync(started.GetProperty("events").GetString());
        return (started.GetProperty("conversationId").GetString()!, new StreamReader(stream));
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
