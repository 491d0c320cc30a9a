namespace ChatbotPipeline.Channels.Meta;

/// <summary>
/// A WhatsApp Cloud number. Webhooks are verified with the Meta app's secret and verify token (<see cref="MetaSettings"/>);
/// replies go from <see cref="PhoneNumberId"/> (or, when unset, the number the message was sent to) with
/// <see cref="AccessToken"/>.
/// </summary>
public sealed class WhatsAppSettings
{
    public string? PhoneNumberId { get; set; }

    /// <summary>A system-user access token with <c>whatsapp_business_messaging</c>.</summary>
    public string? AccessToken { get; set; }
}
