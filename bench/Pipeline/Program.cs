using System.Text.Json;
using ChatbotPipeline.Bench.Pipeline;

// Webhook → reply throughput and latency of the pipeline; see docs/BENCHMARKS.md for results.
var options = BenchOptions.Parse(args);
await using var replies = await CallbackReceiver.StartAsync();
await using var ingress = options.Url is null ? await IngressProcess.StartAsync() : null;
using var http = new HttpClient();
var run = new LoadRun(http, options.Url ?? ingress!.Url, replies);

var reports = new List<LatencyReport>();
foreach (var users in options.Concurrency)
{
    await run.RunAsync(users, options.Warmup, $"warmup-{users}-{Guid.NewGuid():N}");
    reports.Add(await run.RunAsync(users, options.Messages, $"run-{users}-{Guid.NewGuid():N}"));
}
var peak = ingress?.PeakResidentMiB();

if (options.Json)
{
    Console.WriteLine(JsonSerializer.Serialize(new { reports, ingressPeakResidentMiB = peak }, JsonSerializerOptions.Web));
    return;
}
Console.WriteLine(LatencyReport.Header);
reports.ForEach(Console.WriteLine);
if (peak is not null)
    Console.WriteLine($"\nIngress (embedded default) peak RSS: {peak:F0} MiB");
