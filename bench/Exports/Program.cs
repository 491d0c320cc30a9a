using System.Diagnostics;
using System.Globalization;
using ChatbotPipeline.Backends;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Exports;
using ChatbotPipeline.Bench.Exports;
using ChatbotPipeline.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Exporting a bot's turns from the embedded default (SQLite → gzip NDJSON → local folder): speed and memory.
var turns = args is ["--turns", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 100_000;
var folder = Directory.CreateTempSubdirectory("chatbot-export-bench-").FullName;
try
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Documents:Sqlite:Path"] = Path.Combine(folder, "chatbot.db"),
        ["Objects:FileSystem:Path"] = Path.Combine(folder, "objects"),
    });
    builder.AddBackends();
    using var services = builder.Services.BuildServiceProvider();

    var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    var seeding = Stopwatch.StartNew();
    var store = services.GetRequiredService<IConversationStore>();
    for (var i = 0; i < turns; i++)
        await store.AppendAsync(SampleTurn(i, start));
    Console.WriteLine($"Seeded {turns:N0} turns in {seeding.Elapsed.TotalSeconds:F1} s (not measured below).");

    GC.Collect();
    GC.WaitForPendingFinalizers();
    var before = ProcessMemory.ResidentMiB();
    ProcessMemory.ResetPeak();
    var exporter = services.GetRequiredService<ConversationExporter>();
    var timer = Stopwatch.StartNew();
    var manifest = await exporter.ExportAsync("bench", "shop", start, start.AddYears(1), "ndjson", CancellationToken.None);
    timer.Stop();
    var peak = ProcessMemory.PeakResidentMiB();

    Console.WriteLine($"Exported {manifest.Turns:N0} turns in {timer.Elapsed.TotalSeconds:F2} s: {manifest.Turns / timer.Elapsed.TotalSeconds:N0} turns/s, "
        + $"{manifest.Bytes / 1024.0 / 1024.0:F1} MiB gzip ({manifest.Bytes / (double)manifest.Turns:F0} bytes/turn)");
    Console.WriteLine($"Resident memory: {before:F0} MiB before, {peak:F0} MiB peak during the export: growth {peak - before:F0} MiB");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

// A turn of an order-status conversation: text, entities, parameters, two replies and a ranking, as the log holds them.
static ConversationTurn SampleTurn(int i, DateTimeOffset start) => new(
    $"{i:D8}-{Guid.NewGuid():N}", "shop", $"conversation-{i / 4}", i % 3 == 0 ? "slack" : "rest", $"user-{i / 4 % 5000}",
    $"where is my order ORD{10000 + i} that I placed on monday", "order_status", 0.82 + i % 17 / 100.0,
    [new ExtractedEntity("order_number", $"ORD{10000 + i}", 18, 26, 1, "regex")],
    new Dictionary<string, string> { ["order_number"] = $"ORD{10000 + i}" },
    [$"Order ORD{10000 + i} has shipped.", "Anything else?"], DialogueStates.Completed, "v12",
    start.AddSeconds(i), start.AddSeconds(i).AddMilliseconds(7),
    [new IntentCandidate("order_status", 0.82), new IntentCandidate("cancel_order", 0.09), new IntentCandidate("greet", 0.03)]);
