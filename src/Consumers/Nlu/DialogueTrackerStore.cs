using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Nlu.Dialogue.Stories;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>Trackers of the conversations of bots with a dialogue, in the cache; an idle one expires with its session.</summary>
public sealed class DialogueTrackerStore(ICacheStore cache)
{
    public async Task<DialogueTracker?> GetAsync(string botId, string conversationId, CancellationToken cancellationToken) =>
        await cache.GetAsync(Key(botId, conversationId), cancellationToken) is { } json ? DocumentJson.Deserialize<DialogueTracker>(json) : null;

    public Task SaveAsync(string botId, string conversationId, DialogueTracker tracker, TimeSpan session, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(botId, conversationId), DocumentJson.Serialize(tracker), session, cancellationToken);

    private static string Key(string botId, string conversationId) => $"tracker:{botId}:{conversationId}";
}
