using System.Text.Json.Serialization;

namespace ChatbotPipeline.Backends.Analytics;

[JsonConverter(typeof(JsonStringEnumConverter<AnalyticsGranularity>))]
public enum AnalyticsGranularity
{
    Hour,
    Day,
}

/// <summary>A bot's traffic over [<see cref="From"/>, <see cref="To"/>): the totals and one bucket per hour or day that had messages.</summary>
public sealed record AnalyticsReport(string BotId, DateTimeOffset From, DateTimeOffset To, AnalyticsGranularity Granularity,
    AnalyticsFigures Totals, IReadOnlyList<AnalyticsBucket> Buckets)
{
    /// <summary>Today's (UTC) most frequent intents from the cache's ranked set, when the cache is Redis (shared by every replica).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Cache.RankedMember>? TopIntentsToday { get; init; }
}

/// <summary>One hour or day (UTC), starting at <see cref="Start"/>.</summary>
public sealed record AnalyticsBucket(DateTimeOffset Start, AnalyticsFigures Figures);

/// <summary>What happened in a span of time.</summary>
/// <param name="Intents">Messages per answering intent (<c>fallback</c> included), most frequent first.</param>
/// <param name="NluP50Milliseconds">Median time NLU spent on a message (nearest rank); 0 without messages.</param>
public sealed record AnalyticsFigures(
    long Messages,
    long UniqueSenders,
    long Fallbacks,
    double FallbackRate,
    double MeanConfidence,
    double NluP50Milliseconds,
    double NluP95Milliseconds,
    IReadOnlyDictionary<string, long> Intents);
