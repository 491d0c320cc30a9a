using System.Globalization;
using ChatbotPipeline.Backends.Cache;

namespace ChatbotPipeline.Backends.Analytics;

/// <summary>
/// Each bot's most frequent intents of the day (UTC) in a ranked set in the cache: on Redis one <c>ZINCRBY</c> per
/// message and one <c>ZREVRANGE</c> per read, shared by every replica, where folding the day's events would read them all.
/// </summary>
public sealed class TopIntents(ICacheStore cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);

    public Task CountAsync(string botId, string intent, DateTimeOffset at, CancellationToken cancellationToken) =>
        cache.IncrementScoreAsync(Key(botId, at), intent, 1, Lifetime, cancellationToken);

    public Task<IReadOnlyList<RankedMember>> OfDayAsync(string botId, DateTimeOffset day, int count, CancellationToken cancellationToken) =>
        cache.TopAsync(Key(botId, day), count, cancellationToken);

    private static string Key(string botId, DateTimeOffset at) =>
        $"analytics:top-intents:{botId}:{at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
