using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Contracts;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// Keeps a conversation's messages in the order Ingress numbered them (<see cref="MessageReceived.Sequence"/>), across
/// NLU replicas: a message whose predecessor is not finished yet waits (is retried), for at most
/// <see cref="NluOptions.OrderWaitSeconds"/> after it was received — a predecessor whose publish failed, or that went
/// to the error queue, must not stop the conversation.
/// </summary>
public sealed partial class ConversationOrder(ConversationSequences sequences, TimeProvider time, IOptions<NluOptions> options, ILogger<ConversationOrder> logger)
{
    /// <summary>How often a waiting message is tried again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Retries that outlast the longest wait, with room for the retries' own time.</summary>
    public static int RetriesToOutlast(NluOptions options) => (int)(options.OrderWaitSeconds * 1000 / RetryInterval.TotalMilliseconds) + 50;

    /// <summary>The number of the conversation's message finished last (0 for an unnumbered message).</summary>
    public Task<long> LastDoneAsync(MessageReceived message, CancellationToken cancellationToken) =>
        message.Sequence <= 0 ? Task.FromResult(0L) : sequences.LastDoneAsync(message.BotId, message.ConversationId, cancellationToken);

    /// <summary>
    /// Throws when the message must wait for its predecessor, given the number last finished. Numbers Ingress marked
    /// void (their publish failed after a later message was numbered) are not waited for.
    /// </summary>
    /// <exception cref="ConversationOutOfOrderException">An earlier message of the conversation is not finished yet.</exception>
    public async Task EnsureTurnAsync(MessageReceived message, long done, CancellationToken cancellationToken)
    {
        // Lower or equal: a redelivery, or numbering that restarted after a quiet day; both are taken as they come.
        if (message.Sequence <= 0 || message.Sequence <= done + 1)
            return;
        if (await sequences.AllVoidAsync(message.BotId, message.ConversationId, done + 1, message.Sequence - 1, cancellationToken))
            return;
        if (time.GetUtcNow() - message.ReceivedAt < TimeSpan.FromSeconds(options.Value.OrderWaitSeconds))
            throw new ConversationOutOfOrderException(message.ConversationId, message.Sequence, done);
        LogGapSkipped(message.BotId, message.ConversationId, message.Sequence, done, options.Value.OrderWaitSeconds);
    }

    /// <summary>Records the message finished, never moving the mark back (a late predecessor handled after a skip).</summary>
    public Task FinishedAsync(MessageReceived message, long doneBefore, CancellationToken cancellationToken) =>
        message.Sequence > doneBefore
            ? sequences.DoneAsync(message.BotId, message.ConversationId, message.Sequence, cancellationToken)
            : Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {BotId}, conversation {ConversationId}: message {Sequence} handled without waiting any longer for its predecessors (last finished: {Done}) after {Seconds} s")]
    private partial void LogGapSkipped(string botId, string conversationId, long sequence, long done, int seconds);
}

/// <summary>An earlier message of the conversation is not finished yet; retry this one shortly.</summary>
public sealed class ConversationOutOfOrderException(string conversationId, long sequence, long done)
    : Exception($"Message {sequence} of conversation {conversationId} waits for its predecessor (last finished: {done}).");
