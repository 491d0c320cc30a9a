using ChatbotPipeline.Backends.Documents;

namespace ChatbotPipeline.Backends.Analytics;

/// <summary>
/// Folds a bot's analytics events, read in time order from the store, into hourly or daily buckets and totals. One
/// fold for every store, so SQLite and MongoDB report the same figures by construction.
/// </summary>
public static class AnalyticsAggregator
{
    public static async Task<AnalyticsReport> BuildAsync(IAnalyticsStore store, string botId, DateTimeOffset from, DateTimeOffset to,
        AnalyticsGranularity granularity, CancellationToken cancellationToken)
    {
        var totals = new Accumulator();
        var buckets = new SortedDictionary<DateTimeOffset, Accumulator>();
        await foreach (var analyticsEvent in store.ReadEventsAsync(botId, from, to, cancellationToken))
        {
            var start = BucketStart(analyticsEvent.At, granularity);
            if (!buckets.TryGetValue(start, out var bucket))
                buckets[start] = bucket = new Accumulator();
            bucket.Add(analyticsEvent);
            totals.Add(analyticsEvent);
        }
        return new AnalyticsReport(botId, from, to, granularity, totals.Figures(),
            buckets.Select(pair => new AnalyticsBucket(pair.Key, pair.Value.Figures())).ToList());
    }

    public static DateTimeOffset BucketStart(DateTimeOffset at, AnalyticsGranularity granularity)
    {
        var utc = at.UtcDateTime;
        return granularity == AnalyticsGranularity.Hour
            ? new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/> % of the values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed class Accumulator
    {
        private readonly HashSet<string> _senders = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _intents = new(StringComparer.Ordinal);
        private readonly List<double> _latencies = [];
        private long _messages;
        private long _fallbacks;
        private double _confidenceSum;

        public void Add(AnalyticsEvent analyticsEvent)
        {
            _messages++;
            _senders.Add(analyticsEvent.SenderId);
            _intents[analyticsEvent.Intent] = _intents.GetValueOrDefault(analyticsEvent.Intent) + 1;
            _latencies.Add(analyticsEvent.NluMilliseconds);
            _fallbacks += analyticsEvent.IsFallback ? 1 : 0;
            _confidenceSum += analyticsEvent.Confidence;
        }

        public AnalyticsFigures Figures()
        {
            _latencies.Sort();
            return new AnalyticsFigures(_messages, _senders.Count, _fallbacks,
                _messages == 0 ? 0 : (double)_fallbacks / _messages,
                _messages == 0 ? 0 : _confidenceSum / _messages,
                Percentile(_latencies, 50), Percentile(_latencies, 95),
                _intents.OrderByDescending(i => i.Value).ThenBy(i => i.Key, StringComparer.Ordinal).ToDictionary(i => i.Key, i => i.Value));
        }
    }
}
