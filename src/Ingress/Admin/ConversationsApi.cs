using ChatbotPipeline.Backends.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary><c>/api/bots/{botId}/conversations/{conversationId}</c>: a conversation's turns as logged.</summary>
public static class ConversationsApi
{
    public static void MapConversationsApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/bots/{botId}/conversations/{conversationId}", GetConversation);

    private static async Task<Results<Ok<ConversationView>, NotFound>> GetConversation(
        string botId, string conversationId, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var turns = await conversations.GetConversationAsync(botId, conversationId, cancellationToken);
        return turns.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(new ConversationView(botId, conversationId, turns));
    }

    /// <summary>A conversation and its turns, oldest first.</summary>
    public sealed record ConversationView(string BotId, string ConversationId, IReadOnlyList<ConversationTurn> Turns);
}
