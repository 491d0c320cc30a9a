using System.ComponentModel;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ChatbotPipeline.Cli.Commands;

/// <summary>A bot file on disk: an ai-chatbot-framework JSON export, or Rasa YAML files.</summary>
public class BotFileSettings : BotSettings
{
    [CommandArgument(1, "<FILES>")]
    [Description("The bot file (aicf), or the Rasa files (nlu.yml, domain.yml, …) or a Rasa project's folder.")]
    public string[] Files { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description("aicf (default) or rasa.")]
    public string Format { get; init; } = "aicf";

    public override ValidationResult Validate() =>
        Format is not ("aicf" or "rasa") ? ValidationResult.Error($"--format is '{Format}'; use aicf or rasa.")
        : Files.FirstOrDefault(f => !File.Exists(f) && !(Format == "rasa" && Directory.Exists(f))) is { } missing ? ValidationResult.Error($"No file '{missing}'.")
        : ValidationResult.Success();

    [CommandOption("--replace")]
    [Description("Replace everything the bot has; without it, parts the files do not hold (phrases, dialogue) are kept.")]
    public bool Replace { get; init; }

    /// <summary>A Rasa project's folder as Rasa reads it: domain.yml (or domain/), data/**, endpoints.yml; tests and config are not the bot.</summary>
    private static IEnumerable<string> ProjectFiles(string path) => !Directory.Exists(path) ? [path]
        : Directory.EnumerateFiles(path, "*.yml", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories))
            .Where(file => Path.GetRelativePath(path, file).Split(Path.DirectorySeparatorChar) is var parts
                && (parts is ["domain.yml" or "domain.yaml" or "endpoints.yml" or "endpoints.yaml"] || parts[0] is "data" or "domain"))
            .Order(StringComparer.Ordinal);

    /// <summary>The request body the import route reads: JSON for aicf, multipart form files for rasa.</summary>
    public HttpContent Content()
    {
        if (Format == "aicf")
            return new StringContent(File.ReadAllText(Files[0]), System.Text.Encoding.UTF8, "application/json");
        var form = new MultipartFormDataContent();
        foreach (var file in Files.SelectMany(ProjectFiles))
        {
            var part = new StringContent(File.ReadAllText(file));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
            form.Add(part, "files", Path.GetFileName(file));
        }
        return form;
    }
}

/// <summary><c>chatbot import BOT FILE… [--format aicf|rasa] [--replace]</c>: replaces the bot's intents and entities (creating it if new).</summary>
public sealed class ImportCommand(IAnsiConsole console) : ApiCommand<BotFileSettings>(console)
{
    protected override async Task<int> RunAsync(ApiClient api, BotFileSettings settings, CancellationToken cancellationToken)
    {
        var summary = await api.PostAsync($"{settings.BotPath}/import?format={settings.Format}{(settings.Replace ? "&replace=true" : "")}", settings.Content(), cancellationToken);
        Console.MarkupLine($"Imported [bold]{summary["intents"]}[/] intents and [bold]{summary["entities"]}[/] entities into {Escaped(settings.Bot)}" +
                           $"{(summary["createdBot"]?.GetValue<bool>() == true ? " (new bot)" : "")}.");
        Warnings.Write(Console, summary["warnings"]?.AsArray());
        return 0;
    }
}

/// <summary><c>chatbot data validate FILE…</c>: what an import would refuse or warn about, nothing stored (the server's dry run).</summary>
public sealed class DataValidateCommand(IAnsiConsole console) : ApiCommand<DataValidateCommand.Settings>(console)
{
    public sealed class Settings : BotFileSettings
    {
        [CommandOption("--strict")]
        [Description("Exit non-zero on warnings too.")]
        public bool Strict { get; init; }
    }

    protected override async Task<int> RunAsync(ApiClient api, Settings settings, CancellationToken cancellationToken)
    {
        JsonNode summary;
        try
        {
            summary = await api.PostAsync($"{settings.BotPath}/import?format={settings.Format}&dryRun=true", settings.Content(), cancellationToken);
        }
        catch (ApiException refused) when (refused.Body is { } body && JsonNode.Parse(body)?["errors"] is JsonObject errors)
        {
            foreach (var (field, messages) in errors)
                foreach (var message in messages!.AsArray())
                    Errors.WriteLine($"error: {field}: {message}");
            Errors.WriteLine($"{errors.Count} error(s): the file would be refused.");
            return 1;
        }
        var warnings = summary["warnings"]?.AsArray() ?? [];
        Warnings.Write(Console, warnings);
        Console.MarkupLine($"{summary["intents"]} intents, {summary["entities"]} entities: [green]valid[/]{(warnings.Count > 0 ? $", {warnings.Count} warning(s)" : "")}.");
        return settings.Strict && warnings.Count > 0 ? 2 : 0;
    }
}

/// <summary><c>chatbot export BOT [--format aicf|rasa] [--out FILE]</c>.</summary>
public sealed class ExportCommand(IAnsiConsole console) : ApiCommand<ExportCommand.Settings>(console)
{
    public sealed class Settings : BotSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("aicf (default) or rasa.")]
        public string Format { get; init; } = "aicf";

        [CommandOption("--out <FILE>")]
        [Description("Write here instead of standard output.")]
        public string? Out { get; init; }
    }

    protected override async Task<int> RunAsync(ApiClient api, Settings settings, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(() => api.Http.GetAsync($"{settings.BotPath}/export?format={settings.Format}", cancellationToken));
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (settings.Out is null)
            System.Console.Out.Write(text);
        else
        {
            await File.WriteAllTextAsync(settings.Out, text, cancellationToken);
            Console.MarkupLine($"Wrote {Escaped(settings.Out)}.");
        }
        return 0;
    }
}

internal static class Warnings
{
    public static void Write(IAnsiConsole console, JsonArray? warnings)
    {
        foreach (var warning in warnings ?? [])
            console.MarkupLine($"[yellow]warning[/]: {Markup.Escape(warning!["intentId"]?.GetValue<string>() is { } intent ? intent + ": " : "")}{Markup.Escape(warning["message"]!.GetValue<string>())}");
    }
}
