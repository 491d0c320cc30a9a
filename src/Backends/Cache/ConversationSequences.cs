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
    /// does not wait for one that never comes. A number a later message took meanwhile cannot be given back: it is
    /// marked void instead, and NLU does not wait for a void number (<see cref="AllVoidAsync"/>).
    /// </summary>
    public async Task ReturnAsync(string botId, string conversationId, long sequence, CancellationToken cancellationToken)
    {
        if (sequence <= 0 || await cache.DecrementIfAsync(NextKey(botId, conversationId), sequence, cancellationToken))
            return;
        await cache.SetAsync(VoidKey(botId, conversationId, sequence), "1", Window, cancellationToken);
    }

    /// <summary>
    /// True when every number from <paramref name="first"/> to <paramref name="last"/> was marked void, read in one
    /// round trip; a gap wider than <see cref="LongestVoidGap"/> is not read (and waited out instead).
    /// </summary>
    public async Task<bool> AllVoidAsync(string botId, string conversationId, long first, long last, CancellationToken cancellationToken)
    {
        if (first < 1 || last < first || last - first >= LongestVoidGap)
            return false;
        var reads = new Task<string?>[last - first + 1];
        for (var i = 0; i < reads.Length; i++)
            reads[i] = cache.GetAsync(VoidKey(botId, conversationId, first + i), cancellationToken);
        return (await Task.WhenAll(reads)).All(value => value is not null);
    }

    /// <summary>The widest run of void numbers NLU looks up before a message; more than a user sends at once.</summary>
    public const int LongestVoidGap = 16;

    /// <summary>The number of the conversation's message NLU finished last; 0 when none (or forgotten).</summary>
    public async Task<long> LastDoneAsync(string botId, string conversationId, CancellationToken cancellationToken) =>
        await cache.GetAsync(DoneKey(botId, conversationId), cancellationToken) is { } done
        && long.TryParse(done, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;

    public Task DoneAsync(string botId, string conversationId, long sequence, CancellationToken cancellationToken) =>
        cache.SetAsync(DoneKey(botId, conversationId), sequence.ToString(CultureInfo.InvariantCulture), Window, cancellationToken);

    private static string NextKey(string botId, string conversationId) => $"sequence:next:{botId}:{conversationId}";

    private static string VoidKey(string botId, string conversationId, long sequence) =>
        $"sequence:void:{botId}:{conversationId}:{sequence.ToString(CultureInfo.InvariantCulture)}";

    private static string DoneKey(string botId, string conversationId) => $"sequence:done:{botId}:{conversationId}";
}
