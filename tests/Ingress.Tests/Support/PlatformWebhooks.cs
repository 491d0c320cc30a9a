using System.Net.Http.Headers;
using System.Text;
using ChatbotPipeline.Channels.Telegram;
using ChatbotPipeline.Tests.Shared.Platforms;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>Webhook requests signed as each platform sends them, with the secrets of <see cref="PlatformSamples"/>.</summary>
public static class PlatformWebhooks
{
    public static HttpRequestMessage Slack(string body, DateTimeOffset? at = null, string secret = PlatformSamples.SlackSigningSecret, string bot = "demo") =>
        Json($"/webhooks/slack/{bot}", body, PlatformSamples.SlackHeaders(Encoding.UTF8.GetBytes(body), at ?? DateTimeOffset.UtcNow, secret).ToArray());

    public static HttpRequestMessage Telegram(string body, string? token = PlatformSamples.TelegramSecretToken, string bot = "demo") =>
        Json($"/webhooks/telegram/{bot}", body, token is null ? [] : [(ChatbotPipeline.Channels.Telegram.TelegramSecretToken.Header, token)]);

    /// <param name="channel"><c>messenger</c> or <c>whatsapp</c>.</param>
    public static HttpRequestMessage Meta(string channel, string body, string secret = PlatformSamples.MetaAppSecret, string bot = "demo") =>
        Json($"/webhooks/{channel}/{bot}", body, PlatformSamples.MetaHeader(Encoding.UTF8.GetBytes(body), secret));

    /// <param name="publicUrl">The URL Twilio called: the test server's own is <c>http://localhost/webhooks/twilio/{bot}</c>.</param>
    public static HttpRequestMessage Twilio(List<KeyValuePair<string, string>> form, string publicUrl = "http://localhost/webhooks/twilio/demo",
        string authToken = PlatformSamples.TwilioAuthToken, string bot = "demo")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/twilio/{bot}") { Content = new FormUrlEncodedContent(form) };
        var (name, value) = PlatformSamples.TwilioHeader(form, publicUrl, authToken);
        request.Headers.Add(name, value);
        return request;
    }

    private static HttpRequestMessage Json(string path, string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
        foreach (var (name, value) in headers)
            request.Headers.Add(name, value);
        return request;
    }
}
