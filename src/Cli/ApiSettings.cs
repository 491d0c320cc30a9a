using System.ComponentModel;
using Spectre.Console.Cli;

namespace ChatbotPipeline.Cli;

/// <summary>Where the Ingress is and the admin key, for every command: options first, then CHATBOT_URL / CHATBOT_API_KEY.</summary>
public class ApiSettings : CommandSettings
{
    [CommandOption("--url <URL>")]
    [Description("The Ingress (default: $CHATBOT_URL, else http://localhost:5080).")]
    public string? Url { get; init; }

    [CommandOption("--api-key <KEY>")]
    [Description("The admin key (default: $CHATBOT_API_KEY).")]
    public string? ApiKey { get; init; }

    public string BaseUrl => (Url ?? Environment.GetEnvironmentVariable("CHATBOT_URL") ?? "http://localhost:5080").TrimEnd('/');

    public string? Key => ApiKey ?? Environment.GetEnvironmentVariable("CHATBOT_API_KEY");
}

/// <summary>Settings of commands about one bot.</summary>
public class BotSettings : ApiSettings
{
    [CommandArgument(0, "<BOT>")]
    [Description("The bot's id.")]
    public string Bot { get; init; } = "";

    /// <summary>The bot's admin API path, relative to the Ingress.</summary>
    public string BotPath => $"api/bots/{Uri.EscapeDataString(Bot)}";
}
