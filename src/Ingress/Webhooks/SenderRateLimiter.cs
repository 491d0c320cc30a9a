using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// A per-sender limit in fixed one-minute windows aligned to the clock, counted in the cache (one INCR per message on
/// Redis). While the cache is unreachable the count reads 0 and messages pass: a limit must not stop a bot.
/// </summary>
public sealed class SenderRateLimiter(ICacheStore cache, IOptions<IngressOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Null when the message may pass; otherwise how long until the sender's window ends.</summary>
    public async Task<TimeSpan?> CheckAsync(string botId, string channel, string senderId, CancellationToken cancellationToken)
    {
        var limit = options.Value.SenderMessagesPerMinute;
        if (limit == 0)
            return null;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)Window.TotalMilliseconds;
        var windowStart = now / windowMs;
        // The counter outlives its window a little so a clock skew between replicas cannot restart it early.
        var count = await cache.IncrementAsync($"rate:{botId}:{channel}:{windowStart}:{senderId}", Window * 2, cancellationToken);
        return count <= limit ? null : TimeSpan.FromMilliseconds(windowMs - now % windowMs);
    }
}
