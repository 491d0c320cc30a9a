using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ChatbotPipeline.Cli.Commands;

/// <summary>
/// <c>chatbot conversations export BOT --from T --to T --out FILE</c>: asks for an export of the bot's turns in the
/// range, follows it, and downloads the gzipped NDJSON (from the presigned S3 URL or the API's download route).
/// </summary>
public sealed class ConversationsExportCommand(IAnsiConsole console) : ApiCommand<ConversationsExportCommand.Settings>(console)
{
    public sealed class Settings : BotSettings
    {
        [CommandOption("--from <TIME>")]
        [Description("Start, inclusive (ISO 8601; default 30 days ago).")]
        public DateTimeOffset? From { get; init; }

        [CommandOption("--to <TIME>")]
        [Description("End, exclusive (ISO 8601; default now).")]
        public DateTimeOffset? To { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where to write the .ndjson.gz (default BOT-EXPORTID.ndjson.gz).")]
        public string? Out { get; init; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up waiting after this long (default 600).")]
        public int TimeoutSeconds { get; init; } = 600;
    }

    protected override async Task<int> RunAsync(ApiClient api, Settings settings, CancellationToken cancellationToken)
    {
        var to = settings.To ?? DateTimeOffset.UtcNow;
        var from = settings.From ?? to.AddDays(-30);
        var accepted = await api.PostJsonAsync($"{settings.BotPath}/exports", new { from, to }, cancellationToken);
        var exportId = accepted["exportId"]!.GetValue<string>();
        var watch = Stopwatch.StartNew();
        System.Text.Json.Nodes.JsonNode view = accepted;
        await Console.Status().StartAsync($"Export {exportId}: pending", async status =>
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(settings.TimeoutSeconds))
            {
                view = await api.GetAsync($"api/exports/{exportId}", cancellationToken);
                var state = view["export"]!["state"]!.GetValue<string>();
                status.Status($"Export {exportId}: {state.ToLowerInvariant()}, {watch.Elapsed.TotalSeconds:0} s");
                if (state is "Completed" or "Failed")
                    return;
                await Task.Delay(500, cancellationToken);
            }
        });
        var export = view["export"]!;
        if (export["state"]?.GetValue<string>() != "Completed")
        {
            Errors.WriteLine($"Export {exportId} {(export["state"]?.GetValue<string>() == "Failed" ? $"failed: {export["error"]}" : $"did not finish within {settings.TimeoutSeconds} s")}.");
            return 1;
        }
        var download = view["downloadUrl"]!.GetValue<string>();
        var file = settings.Out ?? $"{settings.Bot}-{exportId}.ndjson.gz";
        // A presigned URL carries its own authorization; the API's route wants the key.
        using var response = Uri.TryCreate(download, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? await api.SendAsync(() => new HttpClient().GetAsync(absolute, cancellationToken))
            : await api.SendAsync(() => api.Http.GetAsync(download.TrimStart('/'), cancellationToken));
        await using (var output = File.Create(file))
            await response.Content.CopyToAsync(output, cancellationToken);
        Console.MarkupLine($"Wrote {Escaped(file)}: {export["manifest"]?["turns"]} turns from {from:u} to {to:u}.");
        return 0;
    }
}
