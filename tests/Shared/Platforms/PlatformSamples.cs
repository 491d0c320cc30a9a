using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Channels.Meta;
using ChatbotPipeline.Channels.Slack;
using ChatbotPipeline.Channels.Telegram;
using ChatbotPipeline.Channels.Twilio;

namespace ChatbotPipeline.Tests.Shared.Platforms;

/// <summary>
/// Webhook bodies shaped as each platform sends them, the secrets that sign them, and the signature headers: for the
/// Ingress tests and the webhook bench alike.
/// </summary>
public static class PlatformSamples
{
    public const string SlackSigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string TelegramSecretToken = "telegram-secret_Token-1";
    public const string MetaAppSecret = "meta-app-secret";
    public const string MetaVerifyToken = "meta-verify-token";
    public const string TwilioAuthToken = "twilio-auth-token";

    /// <summary>The settings that connect bot <c>demo</c> to every platform, replies going to <paramref name="apis"/>.</summary>
    public static Dictionary<string, string?> Settings(string apis) => new()
    {
        ["Channels:Slack:SigningSecret"] = SlackSigningSecret,
        ["Channels:Slack:BotToken"] = "xoxb-test",
        ["Channels:Slack:ApiBaseUrl"] = $"{apis}/slack/api/",
        ["Channels:Telegram:SecretToken"] = TelegramSecretToken,
        ["Channels:Telegram:BotToken"] = "123456:TEST",
        ["Channels:Telegram:ApiBaseUrl"] = $"{apis}/telegram/",
        ["Channels:Meta:AppSecret"] = MetaAppSecret,
        ["Channels:Meta:VerifyToken"] = MetaVerifyToken,
        ["Channels:Meta:PageAccessToken"] = "page-token",
        ["Channels:Meta:GraphApiBaseUrl"] = $"{apis}/graph/v21.0/",
        ["Channels:WhatsApp:AccessToken"] = "wa-token",
        ["Channels:Twilio:AuthToken"] = TwilioAuthToken,
        ["Channels:Twilio:AccountSid"] = "AC0001",
        ["Channels:Twilio:ApiBaseUrl"] = $"{apis}/twilio/",
    };

    public static string SlackMessage(string eventId, string user, string channel, string text) => JsonSerializer.Serialize(new
    {
        token = "x", team_id = "T1", api_app_id = "A1", type = "event_callback", event_id = eventId, event_time = 1700000000,
        @event = new { type = "message", channel, user, text, ts = "1700000000.000100", channel_type = "im" },
    });

    public static string TelegramText(long updateId, long chatId, string text) => JsonSerializer.Serialize(new
    {
        update_id = updateId,
        message = new
        {
            message_id = updateId % 100000, from = new { id = chatId, is_bot = false, first_name = "Ann" },
            chat = new { id = chatId, type = "private" }, date = 1700000000, text,
        },
    });

    public static string MessengerText(string mid, string psid, string text) => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = new[]
        {
            new
            {
                id = "PAGE1", time = 1700000000,
                messaging = new[] { new { sender = new { id = psid }, recipient = new { id = "PAGE1" }, timestamp = 1700000000, message = new { mid, text } } },
            },
        },
    });

    public static string WhatsAppText(string wamid, string from, string text) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = "WABA1",
                changes = new[]
                {
                    new
                    {
                        field = "messages",
                        value = new
                        {
                            messaging_product = "whatsapp",
                            metadata = new { display_phone_number = "15550001111", phone_number_id = "PN1" },
                            contacts = new[] { new { profile = new { name = "Ann" }, wa_id = from } },
                            messages = new[] { new { from, id = wamid, timestamp = "1700000000", type = "text", text = new { body = text } } },
                        },
                    },
                },
            },
        },
    });

    public static List<KeyValuePair<string, string>> TwilioSms(string sid, string from, string text) =>
    [
        new("MessageSid", sid), new("SmsSid", sid), new("AccountSid", "AC0001"), new("From", from), new("To", "+15550009999"),
        new("Body", text), new("NumMedia", "0"),
    ];

    public static IEnumerable<(string Name, string Value)> SlackHeaders(byte[] body, DateTimeOffset at, string secret = SlackSigningSecret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        yield return (SlackSignature.TimestampHeader, timestamp);
        yield return (SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, body));
    }

    public static (string Name, string Value) MetaHeader(byte[] body, string secret = MetaAppSecret) =>
        (MetaSignature.Header, MetaSignature.Compute(secret, body));

    public static (string Name, string Value) TwilioHeader(IEnumerable<KeyValuePair<string, string>> form, string publicUrl, string authToken = TwilioAuthToken) =>
        (TwilioSignature.Header, TwilioSignature.Compute(authToken, publicUrl, form));

    /// <summary>The form as Twilio encodes it in the body.</summary>
    public static string FormBody(IEnumerable<KeyValuePair<string, string>> form) =>
        string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
