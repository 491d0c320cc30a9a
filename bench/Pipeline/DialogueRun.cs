namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>One bot's levels in a run, with the NLU consumer's time and the dialogue decision's own time per message.</summary>
internal sealed record DialogueRun(string Bot, string Encoder, List<LatencyReport> Reports, List<NluLatency> Nlu, List<NluLatency> Decision)
{
    public const string Header = """
        | bot | encoder | users | msg/s | end-to-end p50 / p99 ms | NLU consumer p50 / p99 ms | dialogue decision p50 / p99 ms |
        |---|---|------:|------:|------:|------:|------:|
        """;

    public IEnumerable<string> Rows() => Reports.Select((report, i) =>
        $"| {Bot} | {Encoder} | {report.Users} | {report.MessagesPerSecond:F0} | {report.P50:F1} / {report.P99:F1} | {Nlu[i].P50:F1} / {Nlu[i].P99:F1} " +
        $"| {Decision[i].P50:F2} / {Decision[i].P99:F2} |");
}
