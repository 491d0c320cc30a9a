using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Nlu.Dialogue;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>Conversation contexts in the cache, expiring after the bot's context lifetime.</summary>
public sealed class ConversationContextStore(ICacheStore cache)
{
    public async Task<ConversationContext> GetAsync(string botId, string conversationId, CancellationToken cancellationToken)
    {
        var json = await cache.GetAsync(Key(botId, conversationId), cancellationToken);
        return json is null ? ConversationContext.Empty : DocumentJson.Deserialize<ConversationContext>(json);
    }

    /// <summary>Keeps the next context, or forgets <paramref name="previous"/> — a round trip only when there is something to keep or forget.</summary>
    public Task SaveAsync(string botId, string conversationId, ConversationContext previous, ConversationContext context, TimeSpan timeToLive,
        CancellationToken cancellationToken) =>
        context.IntentId is not null ? cache.SetAsync(Key(botId, conversationId), DocumentJson.Serialize(context), timeToLive, cancellationToken)
        // Only contexts with an intent are stored: an empty previous one was never written.
        : previous.IntentId is not null ? cache.RemoveAsync(Key(botId, conversationId), cancellationToken)
        : Task.CompletedTask;

    private static string Key(string botId, string conversationId) => $"context:{botId}:{conversationId}";
}
