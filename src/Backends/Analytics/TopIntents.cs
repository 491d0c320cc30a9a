using System.Globalization;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;

namespace ChatbotPipeline.Backends.Analytics;

/// <summary>
/// Each bot's most frequent intents of the day (UTC) in a ranked set in the cache: on Redis one <c>ZINCRBY</c> per
/// bot, day and intent of a batch of events and one <c>ZREVRANGE</c> per read, shared by every replica, where folding
/// the day's events would read them all.
/// </summary>
public sealed class TopIntents(ICacheStore cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);

    /// <summary>Counts each event once; the increments go out together.</summary>
    public Task CountAsync(IEnumerable<AnalyticsEvent> events, CancellationToken cancellationToken) =>
        Task.WhenAll(events.CountBy(e => (Key: Key(e.BotId, e.At), e.Intent))
            .Select(counted => cache.IncrementScoreAsync(counted.Key.Key, counted.Key.Intent, counted.Value, Lifetime, cancellationToken)));

    public Task<IReadOnlyList<RankedMember>> OfDayAsync(string botId, DateTimeOffset day, int count, CancellationToken cancellationToken) =>
        cache.TopAsync(Key(botId, day), count, cancellationToken);

    private static string Key(string botId, DateTimeOffset at) =>
        $"analytics:top-intents:{botId}:{at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
