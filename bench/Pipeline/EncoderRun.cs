namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>The NLU consumer's own time per message at one load level (successes), from its consume histogram.</summary>
internal sealed record NluLatency(double P50, double P99)
{
    public static NluLatency Of(ConsumeHistogram histogram) => new(histogram.QuantileMilliseconds(0.50), histogram.QuantileMilliseconds(0.99));
}

/// <summary>One encoder's pipeline: end-to-end reports and NLU consumer latency per level.</summary>
internal sealed record EncoderRun(string Encoder, List<LatencyReport> Reports, List<NluLatency> Nlu, Ceiling? Ceiling, double? IngressPeakResidentMiB)
{
    public const string Header = """
        | encoder | users | msg/s | of first encoder's msg/s | end-to-end p50 / p99 ms | NLU consumer p50 / p99 ms |
        |---|------:|------:|------:|------:|------:|
        """;

    /// <summary>Every run's levels against the first run's at the same number of users.</summary>
    public static IEnumerable<string> Compare(IReadOnlyList<EncoderRun> runs) =>
        runs.SelectMany(run => run.Reports.Select((report, i) =>
            $"| {run.Encoder} | {report.Users} | {report.MessagesPerSecond:F0} | {report.MessagesPerSecond / runs[0].Reports[i].MessagesPerSecond:P0} " +
            $"| {report.P50:F1} / {report.P99:F1} | {run.Nlu[i].P50:F1} / {run.Nlu[i].P99:F1} |"));
}
