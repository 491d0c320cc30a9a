using System.ComponentModel;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ChatbotPipeline.Cli.Commands;

/// <summary><c>chatbot bots list</c>: the bots, a row each.</summary>
public sealed class BotsListCommand(IAnsiConsole console) : ApiCommand<ApiSettings>(console)
{
    protected override async Task<int> RunAsync(ApiClient api, ApiSettings settings, CancellationToken cancellationToken)
    {
        var bots = (await api.GetAsync("api/bots", cancellationToken)).AsArray();
        var table = new Table().AddColumns("Id", "Name", "Encoder", "Fallback threshold");
        foreach (var bot in bots)
            table.AddRow(Escaped(Text(bot, "id")), Escaped(Text(bot, "name")), Escaped(Text(bot, "encoder") ?? "(default)"), Escaped(bot!["fallbackThreshold"]?.ToString()));
        Console.Write(table);
        return 0;
    }

    private static string? Text(JsonNode? node, string name) => node?[name]?.GetValue<string>();
}

/// <summary><c>chatbot bots create BOT [--name N]</c>.</summary>
public sealed class BotsCreateCommand(IAnsiConsole console) : ApiCommand<BotsCreateCommand.Settings>(console)
{
    public sealed class Settings : BotSettings
    {
        [CommandOption("--name <NAME>")]
        [Description("A display name (default: the id).")]
        public string? Name { get; init; }

        [CommandOption("--fallback-threshold <P>")]
        [Description("Least confidence to act on an intent (default 0.4).")]
        public double? FallbackThreshold { get; init; }
    }

    protected override async Task<int> RunAsync(ApiClient api, Settings settings, CancellationToken cancellationToken)
    {
        var bot = new JsonObject { ["id"] = settings.Bot, ["name"] = settings.Name ?? settings.Bot };
        if (settings.FallbackThreshold is { } threshold)
            bot["fallbackThreshold"] = threshold;
        await api.PostJsonAsync("api/bots", bot, cancellationToken);
        Console.MarkupLine($"Created bot [bold]{Escaped(settings.Bot)}[/]. Next: chatbot import {Escaped(settings.Bot)} FILE, then chatbot train {Escaped(settings.Bot)} --wait.");
        return 0;
    }
}

/// <summary><c>chatbot bots delete BOT</c>.</summary>
public sealed class BotsDeleteCommand(IAnsiConsole console) : ApiCommand<BotSettings>(console)
{
    protected override async Task<int> RunAsync(ApiClient api, BotSettings settings, CancellationToken cancellationToken)
    {
        await api.DeleteAsync(settings.BotPath, cancellationToken);
        Console.MarkupLine($"Deleted bot [bold]{Escaped(settings.Bot)}[/].");
        return 0;
    }
}

/// <summary><c>chatbot bots set BOT [--name N] [--action-hosts H,…] [--fallback-threshold P] [--max-reprompts N] [--encoder E]</c>: changes only the settings given.</summary>
public sealed class BotsSetCommand(IAnsiConsole console) : ApiCommand<BotsSetCommand.Settings>(console)
{
    public sealed class Settings : BotSettings
    {
        [CommandOption("--name <NAME>")]
        [Description("A display name.")]
        public string? Name { get; init; }

        [CommandOption("--action-hosts <HOSTS>")]
        [Description("Hosts (host or host:port, comma-separated) the bot's API calls and action server may reach; \"\" clears them.")]
        public string? ActionHosts { get; init; }

        [CommandOption("--fallback-threshold <P>")]
        [Description("Least confidence to act on an intent.")]
        public double? FallbackThreshold { get; init; }

        [CommandOption("--max-reprompts <N>")]
        [Description("How many times a parameter's prompt is asked again before cancel is offered.")]
        public int? MaxReprompts { get; init; }

        [CommandOption("--encoder <ENCODER>")]
        [Description("minilm, minilm-static or none (retrain afterwards).")]
        public string? Encoder { get; init; }

        public override ValidationResult Validate() =>
            Name is null && ActionHosts is null && FallbackThreshold is null && MaxReprompts is null && Encoder is null
                ? ValidationResult.Error("Name at least one setting to change, e.g. --action-hosts api.example.com.")
                : ValidationResult.Success();
    }

    protected override async Task<int> RunAsync(ApiClient api, Settings settings, CancellationToken cancellationToken)
    {
        var changes = new JsonObject();
        if (settings.Name is { } name)
            changes["name"] = name;
        if (settings.ActionHosts is { } hosts)
            changes["actionHosts"] = new JsonArray([.. hosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(h => (JsonNode)h)]);
        if (settings.FallbackThreshold is { } threshold)
            changes["fallbackThreshold"] = threshold;
        if (settings.MaxReprompts is { } reprompts)
            changes["maxReprompts"] = reprompts;
        if (settings.Encoder is { } encoder)
            changes["encoder"] = encoder;
        var request = new HttpRequestMessage(HttpMethod.Patch, settings.BotPath) { Content = JsonContent.Create(changes) };
        using var response = await api.SendAsync(() => api.Http.SendAsync(request, cancellationToken));
        Console.MarkupLine($"Updated bot [bold]{Escaped(settings.Bot)}[/]: {Escaped(string.Join(", ", changes.Select(c => $"{c.Key} = {c.Value?.ToJsonString()}")))}.");
        return 0;
    }
}
