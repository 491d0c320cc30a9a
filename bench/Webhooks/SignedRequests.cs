using System.Globalization;
using ChatbotPipeline.Channels.Meta;
using ChatbotPipeline.Channels.Telegram;
using ChatbotPipeline.Tests.Shared.Platforms;

namespace ChatbotPipeline.Bench.Webhooks;

/// <summary>One webhook request as wrk sends it: every one unique (its own platform id) and correctly signed.</summary>
internal sealed record SignedRequest(string Path, IReadOnlyList<(string Name, string Value)> Headers, string Body);

internal static class SignedRequests
{
    /// <summary>Users a bot talks to at once: ids repeat across requests, as real senders do.</summary>
    private const int Users = 500;

    public static IEnumerable<SignedRequest> For(string channel, string ingressUrl, string run, int count)
    {
        var signedAt = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var user = 1000 + i % Users;
            var id = $"{run}{i}";
            yield return channel switch
            {
                "slack" => Slack(PlatformSamples.SlackMessage($"Ev{id}", $"U{user}", $"D{user}", "where is my order"), signedAt),
                "telegram" => new SignedRequest("/webhooks/telegram/demo",
                    [("Content-Type", "application/json"), (TelegramSecretToken.Header, PlatformSamples.TelegramSecretToken)],
                    PlatformSamples.TelegramText(long.Parse(run, CultureInfo.InvariantCulture) * 10_000_000 + i, user, "where is my order")),
                "messenger" => Meta("messenger", PlatformSamples.MessengerText($"m_{id}", $"{user}", "where is my order")),
                "whatsapp" => Meta("whatsapp", PlatformSamples.WhatsAppText($"wamid.{id}", $"1555{user}", "where is my order")),
                "twilio" => Twilio(PlatformSamples.TwilioSms($"SM{id}", $"+1555{user}", "where is my order"), $"{ingressUrl}/webhooks/twilio/demo"),
                _ => new SignedRequest("/webhooks/rest/demo", [("Content-Type", "application/json")],
                    $$"""{"sender":"u{{user}}","message":"where is my order","message_id":"{{id}}"}"""),
            };
        }
    }

    private static SignedRequest Slack(string body, DateTimeOffset at) =>
        new("/webhooks/slack/demo", [("Content-Type", "application/json"), .. PlatformSamples.SlackHeaders(PlatformSamples.Utf8(body), at)], body);

    private static SignedRequest Meta(string channel, string body) =>
        new($"/webhooks/{channel}/demo", [("Content-Type", "application/json"), PlatformSamples.MetaHeader(PlatformSamples.Utf8(body))], body);

    private static SignedRequest Twilio(List<KeyValuePair<string, string>> form, string publicUrl) =>
        new("/webhooks/twilio/demo", [("Content-Type", "application/x-www-form-urlencoded"), PlatformSamples.TwilioHeader(form, publicUrl)],
            PlatformSamples.FormBody(form));
}
