using System.Net;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Channels.Meta;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared.Platforms;

namespace ChatbotPipeline.Ingress.Tests.Webhooks.Platforms;

/// <summary>
/// Each platform endpoint's handshake and refusals over HTTP: 401 without credentials, 403 with wrong ones, 400 for
/// a malformed payload, 404 for an unknown bot, each with its reason.
/// </summary>
[Collection(PlatformIngressCollection.Name)]
public sealed class PlatformEndpointTests(PlatformIngress ingress)
{
    private readonly HttpClient _client = ingress.Factory.CreateClient();

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static string Detail(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString()!;

    [Fact]
    public async Task Slack_url_verification_is_answered_with_the_challenge_once_signed()
    {
        const string body = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

        var (status, answer) = await SendAsync(PlatformWebhooks.Slack(body));

        Assert.Equal((HttpStatusCode.OK, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), (status, answer));
    }

    [Fact]
    public async Task Slack_requests_without_a_signature_are_401_and_with_a_wrong_or_stale_one_403()
    {
        var body = PlatformSamples.SlackMessage("EvS1", "U1", "D1", "hello");
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/webhooks/slack/demo") { Content = new StringContent(body) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(unsigned)).Status);
        var forged = await SendAsync(PlatformWebhooks.Slack(body, secret: "not-the-signing-secret"));
        Assert.Equal((HttpStatusCode.Forbidden, "X-Slack-Signature does not match the body."), (forged.Status, Detail(forged.Body)));
        var stale = await SendAsync(PlatformWebhooks.Slack(body, at: DateTimeOffset.UtcNow.AddMinutes(-6)));
        Assert.Equal((HttpStatusCode.Forbidden, "X-Slack-Request-Timestamp is more than 5 minutes from now."), (stale.Status, Detail(stale.Body)));
    }

    [Fact]
    public async Task Slack_bot_messages_are_acknowledged_and_not_taken_in()
    {
        const string body = """{"type":"event_callback","event_id":"EvBot1","team_id":"T1","event":{"type":"message","subtype":"bot_message","bot_id":"B1","text":"Hi!","channel":"DBOT1"}}""";

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(PlatformWebhooks.Slack(body))).Status);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_the_platforms_json_is_400_with_the_reason()
    {
        var (status, problem) = await SendAsync(PlatformWebhooks.Slack("""{"type":"event_callback","event_id":"Ev","event":"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("The body is not valid JSON", Detail(problem));
        Assert.DoesNotContain("ChatbotPipeline.", Detail(problem));
    }

    [Fact]
    public async Task A_signed_webhook_for_a_bot_that_does_not_exist_is_404()
    {
        var (status, problem) = await SendAsync(PlatformWebhooks.Telegram(PlatformSamples.TelegramText(1, 1, "hi"), bot: "nobot"));

        Assert.Equal((HttpStatusCode.NotFound, "There is no bot 'nobot'."), (status, Detail(problem)));
    }

    [Fact]
    public async Task Telegram_updates_need_the_secret_token()
    {
        var body = PlatformSamples.TelegramText(2, 2, "hello");

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(PlatformWebhooks.Telegram(body, token: null))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(PlatformWebhooks.Telegram(body, token: "telegram-secret_Token-2"))).Status);
    }

    [Fact]
    public async Task A_telegram_update_without_an_update_id_is_400()
    {
        var (status, problem) = await SendAsync(PlatformWebhooks.Telegram("""{"message":{"message_id":1,"chat":{"id":1},"text":"hi"}}"""));

        Assert.Equal((HttpStatusCode.BadRequest, "'update_id' is required."), (status, Detail(problem)));
    }

    [Theory]
    [InlineData("messenger")]
    [InlineData("whatsapp")]
    public async Task The_meta_subscription_handshake_echoes_the_challenge_for_the_right_verify_token(string channel)
    {
        var ok = await _client.GetAsync($"/webhooks/{channel}/demo?hub.mode=subscribe&hub.verify_token={PlatformSamples.MetaVerifyToken}&hub.challenge=1158201444",
            TestContext.Current.CancellationToken);
        var wrong = await _client.GetAsync($"/webhooks/{channel}/demo?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444",
            TestContext.Current.CancellationToken);
        var incomplete = await _client.GetAsync($"/webhooks/{channel}/demo?hub.verify_token={PlatformSamples.MetaVerifyToken}",
            TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "1158201444"), (ok.StatusCode, await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
    }

    [Fact]
    public async Task Meta_webhooks_need_the_sha256_signature_of_the_app_secret()
    {
        var body = PlatformSamples.MessengerText("m_sig", "999", "hello");
        var sha1Only = new HttpRequestMessage(HttpMethod.Post, "/webhooks/messenger/demo") { Content = new StringContent(body) };
        sha1Only.Headers.Add("X-Hub-Signature", "sha1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA1.HashData(
            Encoding.UTF8.GetBytes(PlatformSamples.MetaAppSecret), Encoding.UTF8.GetBytes(body))));

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(sha1Only)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(PlatformWebhooks.Meta("messenger", body, secret: "other-app"))).Status);
    }

    [Fact]
    public async Task A_whatsapp_body_posted_to_the_messenger_webhook_is_400()
    {
        var (status, problem) = await SendAsync(PlatformWebhooks.Meta("messenger", PlatformSamples.WhatsAppText("wamid.X", "1555", "hi")));

        Assert.Equal((HttpStatusCode.BadRequest, "'object' must be 'page' on the messenger webhook."), (status, Detail(problem)));
    }

    [Fact]
    public async Task Twilio_is_answered_with_empty_twiml()
    {
        var form = PlatformSamples.TwilioSms($"SM{Guid.NewGuid():N}", "+15550001234", "hello");

        var response = await _client.SendAsync(PlatformWebhooks.Twilio(form), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""<?xml version="1.0" encoding="UTF-8"?><Response></Response>""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_twilio_signature_for_another_url_or_token_is_403_and_none_is_401()
    {
        var form = PlatformSamples.TwilioSms("SMx", "+15550001234", "hello");
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/demo") { Content = new FormUrlEncodedContent(form) };

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(PlatformWebhooks.Twilio(form, publicUrl: "https://bot.example.com/webhooks/twilio/demo"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(PlatformWebhooks.Twilio(form, authToken: "other-token"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(unsigned)).Status);
    }

    [Fact]
    public async Task A_signed_twilio_form_without_a_sender_is_400()
    {
        var (status, problem) = await SendAsync(PlatformWebhooks.Twilio([new("MessageSid", "SM1"), new("Body", "hi")]));

        Assert.Equal((HttpStatusCode.BadRequest, "'MessageSid', 'From' and 'To' are required."), (status, Detail(problem)));
    }
}
