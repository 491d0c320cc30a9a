using ChatbotPipeline.Backends.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>
/// Web chat: <c>POST /chat/{botId}/sessions</c> issues a conversation and the token of its stream;
/// <c>GET /chat/{botId}/{conversationId}/events?token=</c> follows its replies as server-sent events. Only sessions issued
/// here can be followed — never a platform's conversation, never one a caller names — and streams are capped per client
/// and in total.
/// </summary>
public static class ChatStreamApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapChatStream(this IEndpointRouteBuilder app)
    {
        app.MapPost("/chat/{botId}/sessions", StartSession)
            .WithSummary("Start a web-chat session: a conversation id and the token of its reply stream");
        app.MapGet("/chat/{botId}/{conversationId}/events", Subscribe)
            .WithSummary("Follow a web-chat session's replies as server-sent events")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    private static async Task<Results<Created<SessionStarted>, ProblemHttpResult>> StartSession(
        string botId, IBotStore bots, ChatSessionTokens tokens, CancellationToken cancellationToken)
    {
        if (await bots.GetDefinitionAsync(botId, cancellationToken) is not { } definition)
            return TypedResults.Problem($"There is no bot '{botId}'.", statusCode: StatusCodes.Status404NotFound);
        var session = tokens.Issue(botId);
        // Something to try: the first phrase of up to three of the bot's own intents.
        var examples = definition.Intents.Where(i => i.IntentId != Nlu.Definitions.SystemIntents.Fallback && i.TrainingData.Count > 0)
            .Take(3).Select(i => i.TrainingData[0].Text).ToList();
        var events = $"/chat/{Uri.EscapeDataString(botId)}/{session.ConversationId}/events?token={Uri.EscapeDataString(session.Token)}";
        return TypedResults.Created(events, new SessionStarted(session.ConversationId, session.Token, session.ExpiresAt, events, examples));
    }

    private static async Task<Results<ChatEventStream, ProblemHttpResult>> Subscribe(
        string botId, string conversationId, string? token, HttpContext http, IBotStore bots, ChatSessionTokens tokens, ChatStreamLimiter limiter,
        ChatStreamHub hub, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
            return TypedResults.Problem("A chat stream needs the token of its session: POST /chat/{botId}/sessions, then ?token=.", statusCode: StatusCodes.Status401Unauthorized);
        if (!tokens.Opens(botId, conversationId, token))
            return TypedResults.Problem("The token does not open this conversation's stream, or it has expired: start a new session.", statusCode: StatusCodes.Status403Forbidden);
        if (await bots.GetRevisionAsync(botId, cancellationToken) is null)
            return TypedResults.Problem($"There is no bot '{botId}'.", statusCode: StatusCodes.Status404NotFound);
        if (limiter.TryEnter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown") is not { } slot)
        {
            http.Response.Headers.RetryAfter = "10";
            return TypedResults.Problem("Too many chat streams are open; close one or retry after the Retry-After seconds.", statusCode: StatusCodes.Status429TooManyRequests);
        }
        return new ChatEventStream(hub.Subscribe(botId, conversationId), Heartbeat, slot);
    }

    /// <summary>A session: post messages as <paramref name="ConversationId"/>; <paramref name="Events"/> is its stream's URL;
    /// <paramref name="Examples"/> are phrases of the bot's to suggest.</summary>
    public sealed record SessionStarted(string ConversationId, string Token, DateTimeOffset ExpiresAt, string Events, IReadOnlyList<string> Examples);
}
