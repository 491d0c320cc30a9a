namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>Throughput and latency percentiles of one load level.</summary>
internal sealed record LatencyReport(int Users, int Messages, double Seconds, double MessagesPerSecond, double P50, double P90, double P99, double Max)
{
    public static LatencyReport From(int users, double[] latencies, TimeSpan elapsed)
    {
        var sorted = latencies.Order().ToArray();
        if (sorted.Length == 0)
            return new LatencyReport(users, 0, elapsed.TotalSeconds, 0, 0, 0, 0, 0);
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new LatencyReport(users, sorted.Length, elapsed.TotalSeconds, sorted.Length / elapsed.TotalSeconds,
            Percentile(0.50), Percentile(0.90), Percentile(0.99), sorted[^1]);
    }

    public override string ToString() =>
        $"| {Users,5} | {Messages,8} | {MessagesPerSecond,8:F0} | {P50,7:F1} | {P90,7:F1} | {P99,7:F1} | {Max,7:F1} |";

    public const string Header = """
        | users | messages | msg/s    | p50 ms  | p90 ms  | p99 ms  | max ms  |
        |------:|---------:|---------:|--------:|--------:|--------:|--------:|
        """;
}
