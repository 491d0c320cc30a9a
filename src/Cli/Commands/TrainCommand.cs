using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ChatbotPipeline.Cli.Commands;

/// <summary>
/// <c>chatbot train BOT [--wait]</c>: asks for a training run; with <c>--wait</c> follows it live and exits 0 when a
/// model was published (or the data had not changed), 3 when the gate kept the current model, 4 when training failed.
/// </summary>
public sealed class TrainCommand(IAnsiConsole console) : ApiCommand<TrainCommand.Settings>(console)
{
    public const int Refused = 3;
    public const int Failed = 4;

    public sealed class Settings : BotSettings
    {
        [CommandOption("--wait")]
        [Description("Follow the run until it ends; the exit code says how it ended.")]
        public bool Wait { get; init; }

        [CommandOption("--override-gate")]
        [Description("Publish even if the held-out accuracy is worse than the current model's.")]
        public bool OverrideGate { get; init; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up waiting after this long (default 900).")]
        public int TimeoutSeconds { get; init; } = 900;
    }

    protected override async Task<int> RunAsync(ApiClient api, Settings settings, CancellationToken cancellationToken)
    {
        var before = LatestRunId(await api.GetAsync($"{settings.BotPath}/training", cancellationToken));
        await api.PostAsync($"{settings.BotPath}/train{(settings.OverrideGate ? "?overrideGate=true" : "")}", null, cancellationToken);
        if (!settings.Wait)
        {
            Console.MarkupLine($"Training of [bold]{Escaped(settings.Bot)}[/] requested; follow it with chatbot train {Escaped(settings.Bot)} --wait or GET /api/bots/{Escaped(settings.Bot)}/training.");
            return 0;
        }
        var watch = Stopwatch.StartNew();
        JsonNode? run = null;
        await Console.Status().StartAsync($"Training {Escaped(settings.Bot)}: queued", async status =>
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(settings.TimeoutSeconds))
            {
                var view = await api.GetAsync($"{settings.BotPath}/training", cancellationToken);
                run = view["runs"]!.AsArray().FirstOrDefault(r => string.CompareOrdinal(r!["runId"]!.GetValue<string>(), before) > 0);
                var state = run?["status"]!.GetValue<string>();
                status.Status($"Training {Escaped(settings.Bot)}: {(state ?? "queued").ToLowerInvariant()}, {watch.Elapsed.TotalSeconds:0} s");
                if (state is not (null or "Running"))
                    return;
                await Task.Delay(500, cancellationToken);
            }
        });
        return Report(settings.Bot, run, watch.Elapsed);
    }

    private int Report(string bot, JsonNode? run, TimeSpan elapsed)
    {
        if (run is null || run["status"]!.GetValue<string>() == "Running")
        {
            Errors.WriteLine($"Training of {bot} did not finish within {elapsed.TotalSeconds:0} s; it may still be queued or running.");
            return Failed;
        }
        var status = run["status"]!.GetValue<string>();
        var accuracy = run["metrics"]?["holdoutAccuracy"] is { } held ? $", held-out accuracy {held.GetValue<double>().ToString("P1", CultureInfo.InvariantCulture)}" : "";
        var phrases = run["metrics"]?["examples"] is { } examples ? $" on {examples} phrases" : "";
        var reason = run["reason"]?.GetValue<string>();
        switch (status)
        {
            case "Published":
                Console.MarkupLine($"[green]Published[/] model {Escaped(run["modelVersion"]?.GetValue<string>())}{phrases}{accuracy} in {elapsed.TotalSeconds:0} s.");
                return 0;
            case "Skipped":
                Console.MarkupLine($"[grey]Skipped[/]: {Escaped(reason)}");
                return 0;
            case "Refused":
                Errors.WriteLine($"Refused by the gate{accuracy}: {reason} (the current model keeps serving; --override-gate publishes anyway).");
                return Refused;
            default:
                Errors.WriteLine($"Training failed: {reason}");
                return Failed;
        }
    }

    private static string LatestRunId(JsonNode view) => view["runs"]!.AsArray().FirstOrDefault()?["runId"]?.GetValue<string>() ?? "";
}
