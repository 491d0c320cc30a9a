using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>
/// What the notification queue has delivered: each reply, acknowledgement or alert post is done once across
/// redeliveries and replicas (<see cref="CacheOnce"/>), and never without this memory (Redis down → retried later).
/// </summary>
public sealed class DeliveryMemory(ICacheStore cache, IOptions<NotificationOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromDays(1);

    /// <summary>
    /// A claim lasts one attempt: the request's timeout plus the longest Retry-After waited out in place, so a
    /// delivery whose worker died is tried again soon after, never while it may still be running.
    /// </summary>
    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.TimeoutSeconds + options.Value.MaxRetryAfterSeconds + 5);

    /// <returns>True when it was sent now, false when it had been.</returns>
    /// <remarks>
    /// The send gets no cancellation: one cancelled after its request left (a consumer stopping because the broker
    /// went away) may have arrived, and its retry would send it again. The send's own timeout bounds it.
    /// </remarks>
    public Task<bool> OnceAsync(string key, Func<CancellationToken, Task> send, CancellationToken cancellationToken) =>
        cache.OnceAsync(key, Remember, Lease, Patience, time, () => send(CancellationToken.None), cancellationToken);

    /// <summary>A reply that went out is remembered as patiently as a reply waits to go out while Redis is away.</summary>
    private TimeSpan Patience => TimeSpan.FromMilliseconds((long)options.Value.MemoryWaitAttempts * options.Value.MemoryWaitMilliseconds);
}
