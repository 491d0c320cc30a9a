using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// How many messages the webhooks take per minute: per sender (of a bot, on a channel), per bot and in total, each in
/// fixed one-minute windows aligned to the clock and counted in the cache (one INCR per limit that is on, so replicas
/// share them on Redis). While the cache is unreachable the counts read 0 and messages pass: a limit must not stop a bot.
/// </summary>
public sealed class AdmissionLimiter(ICacheStore cache, IOptions<IngressOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Null when the message may pass; otherwise which limit it met and how long until its window ends.</summary>
    public async Task<AdmissionRefusal?> CheckAsync(string botId, string channel, string senderId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)Window.TotalMilliseconds;
        var window = now / windowMs;
        var retryAfter = TimeSpan.FromMilliseconds(windowMs - now % windowMs);
        if (await OverAsync(settings.TotalMessagesPerMinute, $"rate:total:{window}", cancellationToken))
            return new AdmissionRefusal(retryAfter, "This deployment takes no more messages this minute");
        if (await OverAsync(settings.BotMessagesPerMinute, $"rate:bot:{botId}:{window}", cancellationToken))
            return new AdmissionRefusal(retryAfter, $"Bot '{botId}' takes no more messages this minute");
        if (await OverAsync(settings.SenderMessagesPerMinute, $"rate:{botId}:{channel}:{window}:{senderId}", cancellationToken))
            return new AdmissionRefusal(retryAfter, $"Sender '{senderId}' sent too many messages");
        return null;
    }

    private async Task<bool> OverAsync(int limit, string key, CancellationToken cancellationToken) =>
        // The counter outlives its window a little so a clock skew between replicas cannot restart it early.
        limit > 0 && await cache.IncrementAsync(key, Window * 2, cancellationToken) > limit;
}

/// <summary>Why a message was not taken now, and when to try again.</summary>
public sealed record AdmissionRefusal(TimeSpan RetryAfter, string Reason);
