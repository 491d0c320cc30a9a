using System.Globalization;
using System.Text.Json;
using ChatbotPipeline.Bench.Pipeline;

// Webhook → reply throughput and latency of the pipeline; see docs/BENCHMARKS.md for results.
var options = BenchOptions.Parse(args);
using var http = new HttpClient();
await using var replies = await CallbackReceiver.StartAsync();
await using var rawHost = options.RabbitMq is null ? null : await RabbitMqVirtualHost.CreateAsync(options.RabbitMqNode, "raw");
await using var raw = rawHost is null ? null : await StartRawBusAsync(options, rawHost.Name);

// Each encoder gets a pipeline of its own, one after the other in this process, so their ratio is measured in one run.
var runs = new List<EncoderRun>();
var dialogueRuns = new List<DialogueRun>();
foreach (var encoder in options.Encoders)
{
    var ceiling = raw is null ? null : new Ceiling([], []);
    await using var virtualHost = options.RabbitMq is null ? null : await RabbitMqVirtualHost.CreateAsync(options.RabbitMqNode, "pipeline");
    await using var ingress = options.Url is null ? await IngressProcess.StartAsync(Backends(options, virtualHost?.Name, encoder)) : null;
    var url = options.Url ?? ingress!.Url;
    var run = new LoadRun(http, url, replies, options.UniqueTexts);
    var reports = new List<LatencyReport>();
    var nlu = new List<NluLatency>();
    var decisions = new List<NluLatency>();
    foreach (var users in options.Concurrency)
    {
        // Rounds repeat the pair: one round on a shared machine says little, their median more.
        for (var round = 0; round < options.Rounds; round++)
        {
            // Ceiling and pipeline level by level, back to back: a shared machine's speed drifts over minutes.
            if (raw is not null)
            {
                foreach (var (shape, results) in new[] { (RawShape.OneHop, ceiling!.OneHop), (RawShape.PipelineShape, ceiling.PipelineShape) })
                {
                    var rawWarmups = await JitSettle.WarmAsync(() => raw.RunAsync(shape, users, options.Warmup), JitSettle.OwnAsync);
                    Console.Error.WriteLine($"ceiling {shape}, {users} users: warmed {rawWarmups} × {options.Warmup} messages until the JIT settled");
                    results.Add(await raw.RunAsync(shape, users, options.Messages));
                }
            }
            var warmups = await JitSettle.WarmAsync(() => run.RunAsync(users, options.Warmup, $"warmup-{users}-{Guid.NewGuid():N}"),
                () => JitSettle.ScrapeAsync(http, url));
            Console.Error.WriteLine($"pipeline, {users} users: warmed {warmups} × {options.Warmup} messages until the JIT settled");
            var before = await ConsumeHistogram.ScrapeAsync(http, url, "nlu");
            var decidedBefore = await ConsumeHistogram.ScrapeDialogueAsync(http, url, "intents");
            reports.Add(await run.RunAsync(users, options.Messages, $"run-{users}-{Guid.NewGuid():N}"));
            nlu.Add(NluLatency.Of((await ConsumeHistogram.ScrapeAsync(http, url, "nlu")).Minus(before)));
            decisions.Add(NluLatency.Of((await ConsumeHistogram.ScrapeDialogueAsync(http, url, "intents")).Minus(decidedBefore)));
        }
    }
    runs.Add(new EncoderRun(encoder ?? "(configured)", reports, nlu, ceiling, ingress?.PeakResidentMiB()));
    dialogueRuns.Add(new DialogueRun("demo (intent → answer)", encoder ?? "(configured)", reports, nlu, decisions));
    if (options.RasaProject is { } project)
    {
        // The same levels on a Rasa project's bot in the same pipeline: its rules and stories decide every answer.
        await RasaBotRun.ImportAndTrainAsync(http, url, project);
        var rasa = new LoadRun(http, url, replies, options.UniqueTexts, RasaBotRun.BotId, RasaBotRun.Script(project));
        var (rasaReports, rasaNlu, rasaDecisions) = (new List<LatencyReport>(), new List<NluLatency>(), new List<NluLatency>());
        foreach (var users in options.Concurrency)
        {
            await rasa.RunAsync(users, options.Warmup, $"rasa-warmup-{users}-{Guid.NewGuid():N}");
            var before = await ConsumeHistogram.ScrapeAsync(http, url, "nlu");
            var decidedBefore = await ConsumeHistogram.ScrapeDialogueAsync(http, url, "stories");
            rasaReports.Add(await rasa.RunAsync(users, options.Messages, $"rasa-run-{users}-{Guid.NewGuid():N}"));
            rasaNlu.Add(NluLatency.Of((await ConsumeHistogram.ScrapeAsync(http, url, "nlu")).Minus(before)));
            rasaDecisions.Add(NluLatency.Of((await ConsumeHistogram.ScrapeDialogueAsync(http, url, "stories")).Minus(decidedBefore)));
        }
        dialogueRuns.Add(new DialogueRun($"{Path.GetFileName(project.TrimEnd('/'))} (rules, stories)", encoder ?? "(configured)", rasaReports, rasaNlu, rasaDecisions));
    }
}

if (options.Json)
{
    Console.WriteLine(JsonSerializer.Serialize(new { runs, dialogue = dialogueRuns }, JsonSerializerOptions.Web));
    return;
}
foreach (var result in runs)
{
    if (runs.Count > 1)
        Console.WriteLine($"\n## Encoder: {result.Encoder}\n");
    if (result.Ceiling is not null)
    {
        Console.WriteLine("Raw MassTransit on RabbitMQ, one no-op hop:");
        Console.WriteLine(LatencyReport.Header);
        result.Ceiling.OneHop.ForEach(Console.WriteLine);
        Console.WriteLine("\nRaw MassTransit on RabbitMQ, the pipeline's shape with no-op consumers (1 hop, then fan-out to 4 queues):");
        Console.WriteLine(LatencyReport.Header);
        result.Ceiling.PipelineShape.ForEach(Console.WriteLine);
        Console.WriteLine($"\nPipeline end to end on RabbitMQ{(options.Redis is null ? "" : " + Redis")}:");
    }
    else if (options.Sqs is not null)
    {
        Console.WriteLine($"Pipeline end to end on the SQS transport ({options.Sqs}){(options.Redis is null ? "" : " + Redis")}:");
    }
    Console.WriteLine(LatencyReport.Header);
    result.Reports.ForEach(Console.WriteLine);
    if (result.Ceiling is not null)
    {
        Console.WriteLine($"\n{CeilingComparison.Header}\n{string.Join('\n', CeilingComparison.Of(result.Reports, result.Ceiling))}");
        if (options.Rounds > 1)
            Console.WriteLine($"\n{CeilingComparison.MedianHeader}\n{string.Join('\n', CeilingComparison.Medians(result.Reports, result.Ceiling))}");
    }
    if (result.IngressPeakResidentMiB is { } peak)
        Console.WriteLine($"\nIngress peak RSS: {peak:F0} MiB");
}
Console.WriteLine($"\n{EncoderRun.Header}\n{string.Join('\n', EncoderRun.Compare(runs))}");
if (options.RasaProject is not null)
    Console.WriteLine($"\n{DialogueRun.Header}\n{string.Join('\n', dialogueRuns.SelectMany(d => d.Rows()))}");

static Task<RawBus> StartRawBusAsync(BenchOptions options, string virtualHost)
{
    var (host, port) = HostAndPort(options.RabbitMq!);
    return RawBus.StartAsync(host, port, virtualHost);
}

static Dictionary<string, string>? Backends(BenchOptions options, string? virtualHost, string? encoder)
{
    var backends = new Dictionary<string, string>();
    if (options.RabbitMq is not null)
    {
        var (host, port) = HostAndPort(options.RabbitMq);
        backends["Bus__Transport"] = "RabbitMq";
        backends["Bus__RabbitMq__Host"] = host;
        backends["Bus__RabbitMq__Port"] = port.ToString(CultureInfo.InvariantCulture);
        backends["Bus__RabbitMq__VirtualHost"] = virtualHost!;
    }
    else if (options.Sqs is not null)
    {
        backends["Bus__Transport"] = "AmazonSqs";
        backends["Bus__AmazonSqs__ServiceUrl"] = options.Sqs;
        backends["Bus__AmazonSqs__QueueNamePrefix"] = $"bench{Guid.NewGuid():N}"[..13] + "-";
        backends["Bus__AmazonSqs__AutoProvision"] = "true";
    }
    if (encoder is not null)
        backends["Training__Encoder"] = encoder;
    if (options.Redis is not null)
    {
        backends["Cache__Provider"] = "Redis";
        backends["Cache__Redis__Configuration"] = options.Redis;
        backends["Cache__Redis__KeyPrefix"] = $"bench:{Guid.NewGuid():N}:";
    }
    return backends.Count == 0 ? null : backends;
}

static (string Host, int Port) HostAndPort(string value)
{
    var parts = value.Split(':');
    return (parts[0], parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 5672);
}
