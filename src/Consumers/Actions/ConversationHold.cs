using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// Keeps a conversation's order across the action step: while an action of one message is in progress, NLU does not
/// answer the conversation's next message (it is retried until the action's replies are out, or the hold expires).
/// </summary>
public sealed class ConversationHold(ICacheStore cache, IOptions<ActionOptions> options)
{
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
