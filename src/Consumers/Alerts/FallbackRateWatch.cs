using System.Globalization;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
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
    /// <summary>
    /// Counts the events of a batch, each the first time it is recorded (callers skip redeliveries): per bot one
    /// increment of its messages and one of its fallbacks, all sent together.
    /// </summary>
    public Task CountAsync(IEnumerable<AnalyticsEvent> events, IPublishEndpoint publisher, CancellationToken cancellationToken) =>
        Task.WhenAll(events.GroupBy(e => e.BotId, StringComparer.Ordinal)
            .Select(bot => CountAsync(bot.Key, bot.LongCount(), bot.LongCount(e => e.IsFallback), publisher, cancellationToken)));

    private async Task CountAsync(string botId, long messageCount, long fallbackCount, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var window = TimeSpan.FromMinutes(settings.FallbackWindowMinutes);
        var prefix = $"alert:fallback:{botId}:{AlertWindow.Key(now, settings.FallbackWindowMinutes)}";
        var counting = cache.IncrementByAsync($"{prefix}:messages", messageCount, window, cancellationToken);
        if (fallbackCount == 0)
        {
            await counting;
            return;
        }
        var fallbacks = await cache.IncrementByAsync($"{prefix}:fallbacks", fallbackCount, window, cancellationToken);
        var messages = await counting;
        var rate = (double)fallbacks / messages;
        if (messages < settings.FallbackMinimumMessages || rate <= settings.FallbackRateThreshold)
            return;
        if (!await cache.TryAddAsync($"{prefix}:raised", "1", window, cancellationToken))
            return;
        await publisher.Publish(OperatorAlert.Raise(AlertKinds.FallbackRate, AlertSeverities.Warning, botId,
            string.Create(CultureInfo.InvariantCulture,
                $"Bot {botId}: {rate:P0} of the last {messages} messages fell back (threshold {settings.FallbackRateThreshold:P0} over {settings.FallbackWindowMinutes} min)."),
            now), cancellationToken);
    }
}
