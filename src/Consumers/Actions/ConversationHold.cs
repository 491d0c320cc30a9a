using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// Keeps a conversation's order across the action step: while an action of one message is in progress, NLU does not
/// answer the conversation's next message (it is retried until the action's replies are out, or the hold expires).
/// </summary>
public sealed class ConversationHold(ICacheStore cache, IOptions<ActionOptions> options)
{
    /// <summary>How often NLU looks again at a held conversation's next message.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How many times NLU looks again before it gives the message up: enough to outlast the hold, which is derived from
    /// the same <see cref="ActionOptions"/> — a message must not be dead-lettered while the action it waits for may still run.
    /// </summary>
    public static int RetriesToOutlast(ActionOptions actions) =>
        (int)Math.Ceiling((actions.HoldTime + TimeSpan.FromSeconds(5)) / RetryInterval);

    public Task HoldAsync(string botId, string conversationId, string messageId, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(botId, conversationId), messageId, options.Value.HoldTime, cancellationToken);

    public Task ReleaseAsync(string botId, string conversationId, string messageId) =>
        cache.RemoveIfAsync(Key(botId, conversationId), messageId, CancellationToken.None);

    /// <summary>True when another message's action holds the conversation.</summary>
    public async Task<bool> HeldForOtherAsync(string botId, string conversationId, string messageId, CancellationToken cancellationToken) =>
        await cache.GetAsync(Key(botId, conversationId), cancellationToken) is { } holder && holder != messageId;

    private static string Key(string botId, string conversationId) => $"action:hold:{botId}:{conversationId}";
}

/// <summary>An action of an earlier message of the conversation is still in progress; retry the message later.</summary>
public sealed class ConversationHeldException(string conversationId) : Exception($"Conversation {conversationId} waits for an action in progress.");
