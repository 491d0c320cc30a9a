using System.Diagnostics;
using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// One conversation, one message at a time, within a replica and across replicas (RabbitMQ competing consumers,
/// standard SQS queues), where two messages could otherwise read the same dialogue context and both write theirs.
/// Within a replica an in-process gate per conversation; across replicas a cache key taken with <c>SET NX</c> and a
/// random token, released only by its holder, expiring on its own if the holder dies. While Redis is unreachable the
/// cache lease is granted without it (counted as a degraded cache operation): replies continue, the replica's own
/// gate still holds, ordering across replicas is best effort.
/// </summary>
/// <remarks>
/// Not a partition of the endpoint: a partition queues a conversation's messages behind one another, so a message that
/// waits for its predecessor (<see cref="ConversationOrder"/>) would hold the partition the predecessor is queued in.
/// A holder that waits gives the lease back between tries; the predecessor takes it meanwhile.
/// </remarks>
public sealed class ConversationLease(ICacheStore cache, IOptions<NluOptions> options)
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(100);
    private readonly KeyedGates _gates = new();

    /// <summary>Waits for the conversation, at most a little longer than a lease lives, then holds it until disposed.</summary>
    /// <exception cref="TimeoutException">Another holder kept it that long; the message is retried later.</exception>
    public async Task<IAsyncDisposable> AcquireAsync(string botId, string conversationId, CancellationToken cancellationToken)
    {
        var key = $"lease:conversation:{botId}:{conversationId}";
        var lifetime = TimeSpan.FromSeconds(options.Value.ConversationLeaseSeconds);
        var patience = lifetime + TimeSpan.FromSeconds(1);
        var started = Stopwatch.GetTimestamp();
        // In-process as across replicas, a holder keeps the conversation for at most the lease's lifetime.
        var gate = await _gates.EnterAsync(key, patience, lifetime, cancellationToken)
            ?? throw Busy(botId, conversationId, lifetime);
        try
        {
            var pause = TimeSpan.FromMilliseconds(5);
            while (true)
            {
                if (await cache.TryAcquireLeaseAsync(key, lifetime, cancellationToken) is { } lease)
                    return new Held(lease, gate);
                if (Stopwatch.GetElapsedTime(started) > patience)
                    throw Busy(botId, conversationId, lifetime);
                await Task.Delay(pause, cancellationToken);
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
        }
        catch
        {
            gate.Dispose();
            throw;
        }
    }

    private static TimeoutException Busy(string botId, string conversationId, TimeSpan lifetime) =>
        new($"Conversation {conversationId} of bot {botId} stayed busy for {lifetime.TotalSeconds:F0} s.");

    private sealed class Held(IAsyncDisposable lease, IDisposable gate) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await lease.DisposeAsync();
            }
            finally
            {
                gate.Dispose();
            }
        }
    }
}
