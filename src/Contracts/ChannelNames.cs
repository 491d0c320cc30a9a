namespace ChatbotPipeline.Contracts;

/// <summary>The platforms a message can come from (<see cref="MessageReceived.Channel"/>); each has its webhook and its way to reply.</summary>
public static class ChannelNames
{
    public const string Rest = "rest";
    public const string Slack = "slack";
    public const string Telegram = "telegram";
    public const string Messenger = "messenger";
    public const string WhatsApp = "whatsapp";
    public const string Twilio = "twilio";

    /// <summary>The platforms: each names its conversations <c>{platform}:{id}</c>, a prefix no REST sender may take.</summary>
    public static readonly IReadOnlyList<string> Platforms = [Slack, Telegram, Messenger, WhatsApp, Twilio];
}
