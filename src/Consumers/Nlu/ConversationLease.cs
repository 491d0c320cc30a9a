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

    /// <summary>
    /// Waits for the conversation, at most a little longer than a lease lives, then holds it until disposed; and reads
    /// the conversation in the same round trip: <paramref name="read"/> is issued right behind each try to take the
    /// lease, on the cache's one connection, so when the lease is won the reads ran after it and see everything the
    /// previous holder wrote before letting go. The reads of a try that lost are dropped.
    /// </summary>
    /// <param name="read">Issues its cache commands before its first await (as the cache stores do).</param>
    /// <exception cref="TimeoutException">Another holder kept it that long; the message is retried later.</exception>
    public async Task<Held<T>> AcquireAsync<T>(string botId, string conversationId, Func<Task<T>> read, CancellationToken cancellationToken)
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
                var taking = cache.TryAcquireLeaseAsync(key, lifetime, cancellationToken);
                var reading = read();
                if (await TakenAsync(taking, reading) is { } lease)
                    return await HoldAsync(lease, gate, reading);
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

    /// <summary>The lease if this try won it; otherwise null, with the try's reads waited out so none is left unobserved.</summary>
    private static async Task<IAsyncDisposable?> TakenAsync<T>(Task<IAsyncDisposable?> taking, Task<T> reading)
    {
        IAsyncDisposable? lease = null;
        try
        {
            lease = await taking;
        }
        finally
        {
            if (lease is null)
                await reading.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return lease;
    }

    private static async Task<Held<T>> HoldAsync<T>(IAsyncDisposable lease, IDisposable gate, Task<T> reading)
    {
        try
        {
            return new Held<T>(lease, gate, await reading);
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    private static TimeoutException Busy(string botId, string conversationId, TimeSpan lifetime) =>
        new($"Conversation {conversationId} of bot {botId} stayed busy for {lifetime.TotalSeconds:F0} s.");

    /// <summary>The conversation, held until disposed, and what was read of it when it was taken.</summary>
    public sealed class Held<T>(IAsyncDisposable lease, IDisposable gate, T read) : IAsyncDisposable
    {
        public T Read { get; } = read;

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
