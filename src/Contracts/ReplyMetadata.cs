namespace ChatbotPipeline.Contracts;

/// <summary>
/// Keys of <see cref="MessageReceived.Metadata"/> that Ingress fills from a platform's webhook for the reply to use,
/// besides <see cref="MessageReceived.ReplyTo"/> (the chat, channel or number to answer).
/// </summary>
public static class ReplyMetadata
{
    /// <summary>The user's display name where the platform's webhook carries one (Telegram, WhatsApp): a template's <c>context.username</c>.</summary>
    public const string Username = "username";

    /// <summary>Slack: the thread the message was posted in, so the reply lands in the same thread.</summary>
    public const string SlackThreadTs = "slack_thread_ts";

    /// <summary>WhatsApp: the business number the user wrote to (Graph API phone number id).</summary>
    public const string WhatsAppPhoneNumberId = "whatsapp_phone_number_id";

    /// <summary>Telegram: the inline-button press being answered; Telegram shows a spinner on the button until it is acknowledged.</summary>
    public const string TelegramCallbackQueryId = "telegram_callback_query_id";

    /// <summary>Twilio: the number the user texted, which sends the reply.</summary>
    public const string TwilioTo = "twilio_to";
}
