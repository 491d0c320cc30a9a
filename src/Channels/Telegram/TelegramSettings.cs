using ChatbotPipeline.Channels.Settings;

namespace ChatbotPipeline.Channels.Telegram;

/// <summary>A Telegram bot: the secret token given to <c>setWebhook</c>, and the bot token that sends replies.</summary>
public sealed class TelegramSettings
{
    public const string DefaultApiBaseUrl = "https://api.telegram.org/";

    public string? SecretToken { get; set; }
    public string? BotToken { get; set; }

    /// <summary>Base of the Bot API (default <see cref="DefaultApiBaseUrl"/>); a self-hosted Bot API server goes here too.</summary>
    public string? ApiBaseUrl { get; set; }

    public Uri ApiBase => ApiAddress.Base(ApiBaseUrl ?? DefaultApiBaseUrl);
}
