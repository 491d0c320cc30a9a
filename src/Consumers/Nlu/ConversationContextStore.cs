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

    public Task SaveAsync(string botId, string conversationId, ConversationContext context, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        context.IntentId is null
            ? cache.RemoveAsync(Key(botId, conversationId), cancellationToken)
            : cache.SetAsync(Key(botId, conversationId), DocumentJson.Serialize(context), timeToLive, cancellationToken);

    private static string Key(string botId, string conversationId) => $"context:{botId}:{conversationId}";
}
