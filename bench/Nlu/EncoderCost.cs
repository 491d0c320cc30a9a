using System.Diagnostics;
using ChatbotPipeline.Nlu.Intents.Encoders;

namespace ChatbotPipeline.Bench.Nlu;

/// <summary>
/// What one sentence never seen before costs each encoder: every text is encoded alone, once, on one calling thread,
/// after a warm-up on other texts (so the encoders' text caches cannot help). Per-call latency, p50/p99/max.
/// </summary>
internal static class EncoderCost
{
    private const int WarmUp = 50;

    public static IEnumerable<object> Measure(IReadOnlyList<string> encoders, IReadOnlyList<string> texts)
    {
        var distinct = texts.Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in encoders)
        {
            var loading = Stopwatch.StartNew();
            var encoder = SentenceEncoders.Get(name) ?? throw new ArgumentException("--encoder-cost needs encoders, not 'none'");
            encoder.Encode([distinct[0]]);
            var loadSeconds = loading.Elapsed.TotalSeconds;
            foreach (var text in distinct.Skip(1).Take(WarmUp))
                encoder.Encode([text]);
            var timed = distinct.Skip(WarmUp + 1).ToList();
            var milliseconds = new double[timed.Count];
            for (var i = 0; i < timed.Count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                encoder.Encode([timed[i]]);
                milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            Array.Sort(milliseconds);
            yield return new
            {
                Encoder = name,
                encoder.WeightsHash,
                Sentences = timed.Count,
                P50Ms = At(milliseconds, 0.50),
                P90Ms = At(milliseconds, 0.90),
                P99Ms = At(milliseconds, 0.99),
                MaxMs = milliseconds[^1],
                MeanMs = milliseconds.Average(),
                LoadSeconds = loadSeconds,
            };
        }
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * quantile))];
}
