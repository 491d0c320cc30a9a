using ChatbotPipeline.Channels.Settings;

namespace ChatbotPipeline.Channels.Slack;

/// <summary>A Slack app: the signing secret verifies Events API requests, the bot token (<c>xoxb-…</c>) posts replies.</summary>
public sealed class SlackSettings
{
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    public string? SigningSecret { get; set; }
    public string? BotToken { get; set; }

    /// <summary>Base of Slack's Web API (default <see cref="DefaultApiBaseUrl"/>); tests point it at a local server.</summary>
    public string? ApiBaseUrl { get; set; }

    public Uri ApiBase => ApiAddress.Base(ApiBaseUrl ?? DefaultApiBaseUrl);
}
