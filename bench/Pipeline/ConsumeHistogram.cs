using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>
/// One queue's consume-duration histogram as the Ingress's <c>/metrics</c> shows it (cumulative bucket counts by upper
/// bound, successes only). Two scrapes around a run give that run's per-message time inside the consumer, which the
/// webhook-to-reply latency hides behind queueing.
/// </summary>
internal sealed partial record ConsumeHistogram(SortedDictionary<double, double> Buckets, double MillisecondsPerUnit = 1000)
{
    public static Task<ConsumeHistogram> ScrapeAsync(HttpClient http, string ingressUrl, string queue) =>
        ScrapeAsync(http, ingressUrl, "consume_duration_seconds", [$"queue=\"{queue}\"", "outcome=\"succeeded\""], 1000);

    /// <summary>The NLU's dialogue decision time (milliseconds) of one policy: <c>stories</c> or <c>intents</c>.</summary>
    public static Task<ConsumeHistogram> ScrapeDialogueAsync(HttpClient http, string ingressUrl, string policy) =>
        ScrapeAsync(http, ingressUrl, "dialogue_duration", [$"policy=\"{policy}\""], 1);

    private static async Task<ConsumeHistogram> ScrapeAsync(HttpClient http, string ingressUrl, string metric, string[] labelsWanted, double millisecondsPerUnit)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (var line in (await http.GetStringAsync($"{ingressUrl}/metrics")).Split('\n'))
        {
            var match = BucketLine().Match(line);
            if (!match.Success || !match.Groups["name"].Value.EndsWith($"{metric}_bucket", StringComparison.Ordinal)
                || match.Groups["labels"].Value is var labels && labelsWanted.Any(wanted => !labels.Contains(wanted, StringComparison.Ordinal)))
                continue;
            var le = LeLabel().Match(labels).Groups["le"].Value;
            var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
            buckets[bound] = buckets.GetValueOrDefault(bound) + double.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
        }
        return new ConsumeHistogram(buckets, millisecondsPerUnit);
    }

    public ConsumeHistogram Minus(ConsumeHistogram earlier) =>
        new(new SortedDictionary<double, double>(Buckets.ToDictionary(b => b.Key, b => b.Value - earlier.Buckets.GetValueOrDefault(b.Key))), MillisecondsPerUnit);

    /// <summary>The q-quantile in milliseconds, interpolated inside its bucket as Prometheus's histogram_quantile does; NaN when empty.</summary>
    public double QuantileMilliseconds(double q)
    {
        var total = Buckets.Count == 0 ? 0 : Buckets.Values.Max();
        if (total == 0)
            return double.NaN;
        var rank = q * total;
        var (lower, below) = (0.0, 0.0);
        foreach (var (bound, cumulative) in Buckets)
        {
            if (cumulative >= rank)
            {
                if (double.IsPositiveInfinity(bound))
                    return lower * MillisecondsPerUnit;
                return (lower + (bound - lower) * (rank - below) / Math.Max(cumulative - below, 1e-9)) * MillisecondsPerUnit;
            }
            (lower, below) = (bound, cumulative);
        }
        return lower * MillisecondsPerUnit;
    }

    [GeneratedRegex("""^(?<name>\w+)\{(?<labels>[^}]*)\}\s+(?<count>\S+)""")]
    private static partial Regex BucketLine();

    [GeneratedRegex("le=\"(?<le>[^\"]+)\"")]
    private static partial Regex LeLabel();
}
