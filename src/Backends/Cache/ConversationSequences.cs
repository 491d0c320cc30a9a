using System.Globalization;

namespace ChatbotPipeline.Backends.Cache;

/// <summary>
/// Each conversation's messages numbered in the order Ingress took them, and the number NLU last finished: what keeps a
/// conversation in order when replicas compete for its messages (RabbitMQ competing consumers, standard SQS queues),
/// whatever the transport. Ingress numbers a message just before publishing it; NLU defers a message whose predecessor
/// it has not finished. While the cache is unreachable messages are numbered 0, which orders nothing (best effort,
/// like the conversation lease).
/// </summary>
public sealed class ConversationSequences(ICacheStore cache)
{
    /// <summary>Numbers restart after a day of a conversation: a later message numbered lower is taken as a new run.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>The next number of the conversation (from 1), or 0 when the cache is unreachable.</summary>
    public Task<long> NextAsync(string botId, string conversationId, CancellationToken cancellationToken) =>
        cache.IncrementAsync(NextKey(botId, conversationId), Window, cancellationToken);

    /// <summary>
    /// Gives back a number whose message was not published (the broker refused it), so the conversation's next message
    /// does not wait for one that never comes; a number taken by a later message meanwhile cannot be given back, and
    /// NLU's order wait bounds that gap.
    /// </summary>
    public Task ReturnAsync(string botId, string conversationId, long sequence, CancellationToken cancellationToken) =>
        sequence <= 0 ? Task.CompletedTask : cache.DecrementIfAsync(NextKey(botId, conversationId), sequence, cancellationToken);

    /// <summary>The number of the conversation's message NLU finished last; 0 when none (or forgotten).</summary>
    public async Task<long> LastDoneAsync(string botId, string conversationId, CancellationToken cancellationToken) =>
        await cache.GetAsync(DoneKey(botId, conversationId), cancellationToken) is { } done
        && long.TryParse(done, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;

    public Task DoneAsync(string botId, string conversationId, long sequence, CancellationToken cancellationToken) =>
        cache.SetAsync(DoneKey(botId, conversationId), sequence.ToString(CultureInfo.InvariantCulture), Window, cancellationToken);

    private static string NextKey(string botId, string conversationId) => $"sequence:next:{botId}:{conversationId}";

    private static string DoneKey(string botId, string conversationId) => $"sequence:done:{botId}:{conversationId}";
}
