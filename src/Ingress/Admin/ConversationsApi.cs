using ChatbotPipeline.Backends.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>
/// <c>/api/bots/{botId}/conversations</c>: a bot's conversations, most recently active first; and
/// <c>/api/bots/{botId}/conversations/{conversationId}</c>: one conversation's turns as logged.
/// </summary>
public static class ConversationsApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static void MapConversationsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/bots/{botId}/conversations", ListConversations);
        api.MapGet("/bots/{botId}/conversations/{conversationId}", GetConversation);
    }

    private static async Task<Results<Ok<IReadOnlyList<ConversationSummary>>, ValidationProblem, ProblemHttpResult>> ListConversations(
        string botId, IConversationStore conversations, IBotStore bots, CancellationToken cancellationToken, int limit = DefaultLimit)
    {
        if (await bots.GetRevisionAsync(botId, cancellationToken) is null)
            return ApiProblems.NoBot(botId);
        if (limit is < 1 or > MaxLimit)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"'limit' must be between 1 and {MaxLimit}."] });
        return TypedResults.Ok(await conversations.ListConversationsAsync(botId, limit, cancellationToken));
    }

    private static async Task<Results<Ok<ConversationView>, ProblemHttpResult>> GetConversation(
        string botId, string conversationId, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var turns = await conversations.GetConversationAsync(botId, conversationId, cancellationToken);
        return turns.Count == 0 ? ApiProblems.NotFound($"Bot '{botId}' has no conversation '{conversationId}'.") : TypedResults.Ok(new ConversationView(botId, conversationId, turns));
    }

    /// <summary>A conversation and its turns, oldest first.</summary>
    public sealed record ConversationView(string BotId, string ConversationId, IReadOnlyList<ConversationTurn> Turns);
}
