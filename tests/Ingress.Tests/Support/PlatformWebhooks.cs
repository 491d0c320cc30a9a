using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Ingress.Webhooks.Verification;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>Webhook requests shaped and signed as each platform sends them, with the secrets <see cref="PlatformIngress"/> configures.</summary>
public static class PlatformWebhooks
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

    public static HttpRequestMessage Slack(string body, DateTimeOffset? at = null, string secret = SlackSigningSecret, string bot = "demo")
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = Json($"/webhooks/slack/{bot}", body);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    public static HttpRequestMessage Telegram(string body, string? token = TelegramSecretToken, string bot = "demo")
    {
        var request = Json($"/webhooks/telegram/{bot}", body);
        if (token is not null)
            request.Headers.Add(ChatbotPipeline.Ingress.Webhooks.Verification.TelegramSecretToken.Header, token);
        return request;
    }

    /// <param name="channel"><c>messenger</c> or <c>whatsapp</c>.</param>
    public static HttpRequestMessage Meta(string channel, string body, string secret = MetaAppSecret, string bot = "demo")
    {
        var request = Json($"/webhooks/{channel}/{bot}", body);
        request.Headers.Add(MetaSignature.Header, MetaSignature.Compute(secret, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    /// <param name="publicUrl">The URL Twilio called: the test server's own is <c>http://localhost/webhooks/twilio/{bot}</c>.</param>
    public static HttpRequestMessage Twilio(List<KeyValuePair<string, string>> form, string publicUrl = "http://localhost/webhooks/twilio/demo",
        string authToken = TwilioAuthToken, string bot = "demo")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/twilio/{bot}") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(authToken, publicUrl, form));
        return request;
    }

    private static HttpRequestMessage Json(string path, string body) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
}
