using System.Diagnostics;
using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// One conversation, one message at a time, across NLU replicas. Within a replica the partitioner already orders a
/// conversation's messages; between replicas (RabbitMQ competing consumers, standard SQS queues) two of them could
/// read the same dialogue context and both write theirs. The lease is a cache key taken with <c>SET NX</c> and a
/// random token, released only by its holder, expiring on its own if the holder dies. While Redis is unreachable the
/// lease is granted without it (counted as a degraded cache operation): replies continue, ordering is best effort.
/// </summary>
public sealed class ConversationLease(ICacheStore cache, IOptions<NluOptions> options)
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits for the conversation, at most a little longer than a lease lives, then holds it until disposed.</summary>
    /// <exception cref="TimeoutException">Another replica kept renewing it; the message is retried later.</exception>
    public async Task<IAsyncDisposable> AcquireAsync(string botId, string conversationId, CancellationToken cancellationToken)
    {
        var key = $"lease:conversation:{botId}:{conversationId}";
        var lifetime = TimeSpan.FromSeconds(options.Value.ConversationLeaseSeconds);
        var started = Stopwatch.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            if (await cache.TryAcquireLeaseAsync(key, lifetime, cancellationToken) is { } lease)
                return lease;
            if (Stopwatch.GetElapsedTime(started) > lifetime + TimeSpan.FromSeconds(1))
                throw new TimeoutException($"Conversation {conversationId} of bot {botId} stayed busy for {lifetime.TotalSeconds:F0} s.");
            await Task.Delay(pause, cancellationToken);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }
}
