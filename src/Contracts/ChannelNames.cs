namespace ChatbotPipeline.Contracts;

/// <summary>
/// The channels a message can come from (<see cref="MessageReceived.Channel"/>). A platform channel is a unit of its own
/// (src/Channels/{Platform}); which ones a deployment speaks is what is registered (<c>ChannelCatalog</c>), not this list.
/// </summary>
public static class ChannelNames
{
    public const string Rest = "rest";
    public const string Slack = "slack";
    public const string Telegram = "telegram";
    public const string Messenger = "messenger";
    public const string WhatsApp = "whatsapp";
    public const string Twilio = "twilio";
}
