using System.Diagnostics;
using System.Globalization;
using ChatbotPipeline.Bench.Bots;
using ChatbotPipeline.Bench.Pipeline;

// Many bots on one pipeline process: memory, series per scrape, object-store requests idle and under Zipf traffic,
// first- and later-message latency, and how long small bots wait to train behind a large one. docs/BENCHMARKS.md has results.
var options = BotsOptions.Parse(args);
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Add("X-Api-Key", "bench-admin-key-0123456789");
await using var replies = await CallbackReceiver.StartAsync();
var rows = new List<string>();
Console.WriteLine($"bench/Bots: encoder {options.Encoder}, model budget {options.BudgetMegabytes} MiB, objects on {(options.S3Url is null ? "a local folder" : $"S3 ({options.S3Url})")}, " +
    $"{options.Messages} messages from {options.Users} users (Zipf s=1), idle {options.IdleSeconds} s, {Environment.ProcessorCount} cores");
foreach (var count in options.BotCounts)
{
    var folder = Directory.CreateTempSubdirectory("chatbot-bots-").FullName;
    try
    {
        var preparing = Stopwatch.StartNew();
        var farm = await BotFarm.CreateAsync(count, folder, options.S3Url, options.Encoder);
        Console.WriteLine($"{count} bots prepared in {preparing.Elapsed.TotalSeconds:F0} s");
        var settings = new Dictionary<string, string>(farm.Settings)
        {
            ["Nlu__ModelCacheMegabytes"] = options.BudgetMegabytes.ToString(CultureInfo.InvariantCulture),
            // The bots have their models; the bench measures serving them, not a start-up training pass over them.
            ["Training__TrainOnStart"] = "false",
            // Nor the demo bot's seeding and training, which would count as idle requests.
            ["Seed__DemoBot"] = "false",
        };
        await using var ingress = await IngressProcess.StartAsync(settings);
        var metrics = new Scrape(http, ingress.Url);

        var idleStart = await metrics.ReadAsync();
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
        var idleEnd = await metrics.ReadAsync();
        var idleRss = ingress.ResidentMiB();

        var load = await new ZipfLoad(http, ingress.Url, replies, count).RunAsync(options.Users, options.Messages);
        var loadEnd = await metrics.ReadAsync();
        var row = new BotsRow(count, idleRss, ingress.ResidentMiB(), ingress.PeakResidentMiB(), loadEnd.Series,
            idleEnd.ObjectRequests - idleStart.ObjectRequests, idleEnd.At - idleStart.At,
            loadEnd.ObjectRequests - idleEnd.ObjectRequests, load.Elapsed, load, loadEnd.ModelsLoaded, loadEnd.Evictions);
        rows.Add(row.Markdown());
        Console.WriteLine(row.Markdown());
        Console.WriteLine($"object-store requests idle ({(idleEnd.At - idleStart.At).TotalSeconds:F0} s): {idleEnd.RequestsSince(idleStart)}; under load: {loadEnd.RequestsSince(idleEnd)}");

        if (options.Training && count == options.BotCounts.Max())
            Console.WriteLine(await TrainingWait.MeasureAsync(http, ingress.Url, options.Encoder));
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}
Console.WriteLine();
Console.WriteLine(BotsRow.Header);
rows.ForEach(Console.WriteLine);
