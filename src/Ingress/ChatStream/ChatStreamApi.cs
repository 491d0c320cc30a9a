using ChatbotPipeline.Backends.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary><c>GET /chat/{botId}/{conversationId}/events</c>: the bot's replies as server-sent events.</summary>
public static class ChatStreamApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapChatStream(this IEndpointRouteBuilder app)
    {
        app.MapGet("/chat/{botId}/{conversationId}/events", Subscribe)
            .WithSummary("Follow a conversation's replies as server-sent events")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    private static async Task<Results<ChatEventStream, NotFound>> Subscribe(
        string botId, string conversationId, IBotStore bots, ChatStreamHub hub, CancellationToken cancellationToken)
    {
        if (await bots.GetRevisionAsync(botId, cancellationToken) is null)
            return TypedResults.NotFound();
        return new ChatEventStream(hub.Subscribe(botId, conversationId), Heartbeat);
    }
}
