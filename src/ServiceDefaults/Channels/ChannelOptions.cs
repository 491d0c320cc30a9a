namespace ChatbotPipeline.ServiceDefaults.Channels;

/// <summary>
/// Credentials and API addresses of the chat platforms (section <c>Channels</c>): one set for all bots, and per bot under
/// <c>Channels:Bots:{botId}</c> whatever differs. Ingress verifies webhooks with them; the notification consumer replies
/// with them. A platform without its secret for a bot answers that bot's webhook with 404.
/// </summary>
public sealed class ChannelOptions
{
    public const string Section = "Channels";

    public SlackSettings Slack { get; set; } = new();
    public TelegramSettings Telegram { get; set; } = new();
    public MetaSettings Meta { get; set; } = new();
    public WhatsAppSettings WhatsApp { get; set; } = new();
    public TwilioSettings Twilio { get; set; } = new();

    /// <summary>Per-bot overrides, by bot id: any value set here wins over the shared one.</summary>
    public Dictionary<string, BotChannels> Bots { get; set; } = new(StringComparer.Ordinal);

    public SlackSettings SlackFor(string botId) => Slack.With(Override(botId)?.Slack);
    public TelegramSettings TelegramFor(string botId) => Telegram.With(Override(botId)?.Telegram);
    public MetaSettings MetaFor(string botId) => Meta.With(Override(botId)?.Meta);
    public WhatsAppSettings WhatsAppFor(string botId) => WhatsApp.With(Override(botId)?.WhatsApp);
    public TwilioSettings TwilioFor(string botId) => Twilio.With(Override(botId)?.Twilio);

    private BotChannels? Override(string botId) => Bots.GetValueOrDefault(botId);

    /// <summary>The override when it is set, else the shared value.</summary>
    internal static string? Pick(string? shared, string? bot) => string.IsNullOrEmpty(bot) ? shared : bot;
}

/// <summary>One bot's overrides of <see cref="ChannelOptions"/>.</summary>
public sealed class BotChannels
{
    public SlackSettings? Slack { get; set; }
    public TelegramSettings? Telegram { get; set; }
    public MetaSettings? Meta { get; set; }
    public WhatsAppSettings? WhatsApp { get; set; }
    public TwilioSettings? Twilio { get; set; }
}
