using ChatbotPipeline.Bench.Pipeline;
using ChatbotPipeline.Bench.Webhooks;
using ChatbotPipeline.Tests.Shared.Platforms;

// Webhook acknowledgement latency per channel at a fixed request rate; see docs/BENCHMARKS.md for results.
var options = BenchOptions.Parse(args);
await using var apis = await PlatformApiSink.StartAsync();
var settings = PlatformSamples.Settings(apis.Url).Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);
foreach (var (key, value) in options.Settings)
    settings[key] = value;
await using var ingress = await IngressProcess.StartAsync(settings, options.IngressOnly ? "Ingress" : "Host");
var folder = Directory.CreateTempSubdirectory("chatbot-wrk-").FullName;

Console.WriteLine($"{(options.IngressOnly ? "Ingress alone (in-memory bus, no workers)" : "Embedded default (the all-in-one host: workers in the same process)")}, "
    + $"{options.Connections} connections pausing {options.PauseMilliseconds} ms between requests, {options.Seconds} s per channel after 5 s warm-up");
Console.WriteLine($"{"channel",-10} {"req/s",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"p99.9 ms",9} {"max ms",8} {"errors",7}  statuses");
var run = 1;
foreach (var channel in options.Channels)
{
    // Enough unique requests that none repeats (a repeat is a duplicate, answered faster) even at zero latency.
    var perSecond = options.Connections * 1000 / Math.Max(1, options.PauseMilliseconds);
    var warmup = WrkScript.Write(SignedRequests.For(channel, ingress.Url, $"{run++}", perSecond * 5), Path.Combine(folder, $"{channel}-warmup.lua"));
    await WrkResult.RunAsync(ingress.Url, warmup, 5, options.Connections, options.PauseMilliseconds);
    var measured = WrkScript.Write(SignedRequests.For(channel, ingress.Url, $"{run++}", perSecond * options.Seconds), Path.Combine(folder, $"{channel}.lua"));
    var result = await WrkResult.RunAsync(ingress.Url, measured, options.Seconds, options.Connections, options.PauseMilliseconds);
    Console.WriteLine($"{channel,-10} {result.RequestsPerSecond,8:F0} {result.P50 / 1000.0,8:F2} {result.P90 / 1000.0,8:F2} {result.P99 / 1000.0,8:F2} "
        + $"{result.P999 / 1000.0,9:F2} {result.Max / 1000.0,8:F1} {result.SocketErrors,7}  "
        + string.Join(' ', result.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}")));
}
Console.WriteLine($"\nIngress peak RSS: {ingress.PeakResidentMiB():F0} MiB; platform API calls (replies) received: {apis.Calls}");
Directory.Delete(folder, recursive: true);
