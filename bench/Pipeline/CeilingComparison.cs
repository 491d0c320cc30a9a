namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>The raw MassTransit/RabbitMQ results of one run, per concurrency level.</summary>
internal sealed record Ceiling(List<LatencyReport> OneHop, List<LatencyReport> PipelineShape);

/// <summary>
/// End-to-end throughput set against the raw ceiling at the same number of users. A bench message (a REST message with a
/// callback URL, followed by no chat page) costs the broker <see cref="DeliveriesPerMessage"/> deliveries
/// (MessageReceived to NLU; MessageUnderstood to records — the conversation log and analytics — and notification; no
/// chat-stream copy), so
/// "per broker operation" compares deliveries per second.
/// </summary>
internal static class CeilingComparison
{
    public const int DeliveriesPerMessage = 3;

    public const string Header = """
        | users | end-to-end msg/s | of pipeline-shape ceiling | broker deliveries/s | of one-hop ceiling |
        |------:|-----------------:|--------------------------:|--------------------:|-------------------:|
        """;

    public static IEnumerable<string> Of(IReadOnlyList<LatencyReport> endToEnd, Ceiling ceiling) =>
        endToEnd.Select((report, i) =>
        {
            var deliveries = report.MessagesPerSecond * DeliveriesPerMessage;
            return $"| {report.Users,5} | {report.MessagesPerSecond,16:F0} | {report.MessagesPerSecond / ceiling.PipelineShape[i].MessagesPerSecond,25:P0} " +
                   $"| {deliveries,19:F0} | {deliveries / ceiling.OneHop[i].MessagesPerSecond,18:P0} |";
        });

    public const string MedianHeader = """
        | users | rounds | median of pipeline-shape ceiling | lowest | highest |
        |------:|-------:|---------------------------------:|-------:|--------:|
        """;

    /// <summary>Per level, the pipeline's share of the ceiling measured right before it, over the rounds.</summary>
    public static IEnumerable<string> Medians(IReadOnlyList<LatencyReport> endToEnd, Ceiling ceiling) =>
        endToEnd.Select((report, i) => (report.Users, Share: report.MessagesPerSecond / ceiling.PipelineShape[i].MessagesPerSecond))
            .GroupBy(round => round.Users, round => round.Share)
            .Select(level =>
            {
                var shares = level.Order().ToArray();
                var median = shares.Length % 2 == 1 ? shares[shares.Length / 2] : (shares[shares.Length / 2 - 1] + shares[shares.Length / 2]) / 2;
                return $"| {level.Key,5} | {shares.Length,6} | {median,32:P0} | {shares[0],6:P0} | {shares[^1],7:P0} |";
            });
}
