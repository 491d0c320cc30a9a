using System.Net;
using System.Text;
using ChatbotPipeline.Channels.Meta;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared.Platforms;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// End to end on each platform: a signed webhook is acknowledged, understood and answered at the platform's API with its
/// auth; the platform's retry of the same webhook is acknowledged and answered nowhere.
/// </summary>
[Collection(PlatformIngressCollection.Name)]
public sealed class PlatformRepliesTests(PlatformIngress ingress)
{
    /// <param name="Recipient">How the user's address appears in a reply's body.</param>
    public sealed record Platform(string Name, Func<string, string, string, HttpRequestMessage> Webhook, string ConversationId, string Recipient,
        string ReplyPath, string ReplyAuthorization)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Platform> Platforms()
    {
        var slackChannel = $"D{Random.Shared.Next(1_000_000, 9_999_999)}";
        var chatId = Random.Shared.NextInt64(100_000_000, 999_999_999);
        var psid = $"{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        var waId = $"1555{Random.Shared.Next(1_000_000, 9_999_999)}";
        var phone = $"+1555{Random.Shared.Next(1_000_000, 9_999_999)}";
        return new TheoryData<Platform>(
            new Platform("slack", (id, _, text) => PlatformWebhooks.Slack(PlatformSamples.SlackMessage($"Ev{id}", "U1", slackChannel, text)),
                $"slack:T1:{slackChannel}", slackChannel, "/slack/api/chat.postMessage", "Bearer xoxb-test"),
            new Platform("telegram", (_, n, text) => PlatformWebhooks.Telegram(PlatformSamples.TelegramText(chatId * 10 + long.Parse(n), chatId, text)),
                $"telegram:{chatId}", chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), "/telegram/bot123456:TEST/sendMessage", ""),
            new Platform("messenger", (id, _, text) => PlatformWebhooks.Meta("messenger", PlatformSamples.MessengerText($"m_{id}", psid, text)),
                $"messenger:{psid}", psid, "/graph/v21.0/me/messages", "Bearer page-token"),
            new Platform("whatsapp", (id, _, text) => PlatformWebhooks.Meta("whatsapp", PlatformSamples.WhatsAppText($"wamid.{id}", waId, text)),
                $"whatsapp:{waId}", waId, "/graph/v21.0/PN1/messages", "Bearer wa-token"),
            new Platform("twilio", (id, _, text) => PlatformWebhooks.Twilio(PlatformSamples.TwilioSms($"SM{id}", phone, text)),
                $"twilio:{phone}", Uri.EscapeDataString(phone), "/twilio/2010-04-01/Accounts/AC0001/Messages.json", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC0001:twilio-auth-token"))));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_signed_webhook_is_answered_at_the_platform_once_however_often_it_is_retried(Platform platform)
    {
        var client = ingress.Factory.CreateClient();
        var firstId = Guid.NewGuid().ToString("N");

        var first = await client.SendAsync(platform.Webhook(firstId, "1", "hello"), TestContext.Current.CancellationToken);
        Assert.True(first.IsSuccessStatusCode, $"{first.StatusCode}: {await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        var admin = ingress.Factory.CreateAdminClient();
        var turn = Assert.Single((await Chat.TurnsAsync(admin, platform.ConversationId, 1)).Turns);
        var replies = await ingress.Apis.CallsMentioningAsync(platform.Recipient, turn.Replies.Count);
        Assert.All(replies, call => Assert.Equal((platform.ReplyPath, platform.ReplyAuthorization), (call.Path, call.Authorization)));
        Assert.Contains("Hi", replies[0].Body);

        var retry = await client.SendAsync(platform.Webhook(firstId, "1", "hello"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var second = await client.SendAsync(platform.Webhook(Guid.NewGuid().ToString("N"), "2", "hello"), TestContext.Current.CancellationToken);
        Assert.True(second.IsSuccessStatusCode);

        // The retry was never taken in: two turns, and the second message's replies are the only new calls.
        var turns = (await Chat.TurnsAsync(admin, platform.ConversationId, 2)).Turns;
        await ingress.Apis.CallsMentioningAsync(platform.Recipient, turns.Sum(t => t.Replies.Count));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(2, (await Chat.TurnsAsync(admin, platform.ConversationId, 2)).Turns.Count);
        Assert.Equal(turns.Sum(t => t.Replies.Count), ingress.Apis.Calls.Count(call => call.Body.Contains(platform.Recipient, StringComparison.Ordinal)));
    }
}
