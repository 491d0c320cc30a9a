using System.Globalization;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Alerts;

/// <summary>
/// Counts each bot's messages and fallbacks per window in the cache (shared by replicas on Redis) and raises one
/// <see cref="AlertKinds.FallbackRate"/> alert per window once the rate is above the threshold on enough messages.
/// </summary>
public sealed class FallbackRateWatch(ICacheStore cache, IOptions<AlertOptions> options, TimeProvider time)
{
    /// <summary>Counts a message the first time it is recorded (callers skip redeliveries).</summary>
    public async Task CountAsync(MessageUnderstood understood, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var window = TimeSpan.FromMinutes(settings.FallbackWindowMinutes);
        var prefix = $"alert:fallback:{understood.Message.BotId}:{AlertWindow.Key(now, settings.FallbackWindowMinutes)}";
        var messages = await cache.IncrementAsync($"{prefix}:messages", window, cancellationToken);
        if (!understood.IsFallback)
            return;
        var fallbacks = await cache.IncrementAsync($"{prefix}:fallbacks", window, cancellationToken);
        var rate = (double)fallbacks / messages;
        if (messages < settings.FallbackMinimumMessages || rate <= settings.FallbackRateThreshold)
            return;
        if (!await cache.TryAddAsync($"{prefix}:raised", "1", window, cancellationToken))
            return;
        var botId = understood.Message.BotId;
        await publisher.Publish(OperatorAlert.Raise(AlertKinds.FallbackRate, AlertSeverities.Warning, botId,
            string.Create(CultureInfo.InvariantCulture,
                $"Bot {botId}: {rate:P0} of the last {messages} messages fell back (threshold {settings.FallbackRateThreshold:P0} over {settings.FallbackWindowMinutes} min)."),
            now), cancellationToken);
    }
}
