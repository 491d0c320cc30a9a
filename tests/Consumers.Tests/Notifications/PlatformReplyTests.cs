using System.Net;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Consumers.Tests.Notifications;

/// <summary>Replies to platform messages go through each platform's API with its auth, body and error rules.</summary>
public sealed class PlatformReplyTests
{
    /// <summary>Every platform's credentials and API address (fakes); shared by the rich-reply tests.</summary>
    internal static readonly Dictionary<string, string?> Credentials = new()
    {
        ["Channels:Slack:BotToken"] = "xoxb-shared",
        ["Channels:Slack:ApiBaseUrl"] = "http://slack.test/api",
        ["Channels:Telegram:BotToken"] = "123:ABC",
        ["Channels:Telegram:ApiBaseUrl"] = "http://telegram.test/",
        ["Channels:Meta:PageAccessToken"] = "page-token",
        ["Channels:Meta:GraphApiBaseUrl"] = "http://graph.test/v21.0/",
        ["Channels:WhatsApp:AccessToken"] = "wa-token",
        ["Channels:Twilio:AccountSid"] = "AC123",
        ["Channels:Twilio:AuthToken"] = "twilio-token",
        ["Channels:Twilio:ApiBaseUrl"] = "http://twilio.test/",
    };

    private static async Task<PipelineTestHost> StartAsync(RecordingHandler handler, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(Credentials);
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        return await new PipelineTestHost(all, services => services.AddHttpClient<ReplyHttp>().ConfigurePrimaryHttpMessageHandler(() => handler)).StartAsync();
    }

    private static MessageReceived From(string channel, string replyTo, Dictionary<string, string>? metadata = null) => new(
        Guid.NewGuid().ToString("N"), Some.BotId, channel, $"{channel}:{replyTo}", "u1", "hi", replyTo, DateTimeOffset.UtcNow,
        metadata ?? []);

    private static RecordingHandler SlackOk() => new() { Default = () => Json("""{"ok":true}""") };

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [Fact]
    public async Task Slack_replies_are_posted_in_order_with_the_bot_token_into_the_thread()
    {
        var handler = SlackOk();
        await using var host = await StartAsync(handler);

        await host.Harness.Bus.Publish(Some.Understood(From(ChannelNames.Slack, "D024BE91L", new() { [ReplyMetadata.SlackThreadTs] = "1355517523.000005" }),
            "greet", "Hello!", "How can I help?"));

        var requests = await Eventually.AtLeastAsync(2, () => handler.Requests);
        Assert.All(requests, r => Assert.Equal("http://slack.test/api/chat.postMessage", r.Uri.ToString()));
        Assert.All(requests, r => Assert.Equal("Bearer xoxb-shared", r.Authorization));
        var bodies = requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["Hello!", "How can I help?"], bodies.Select(b => b.GetProperty("text").GetString()));
        Assert.All(bodies, b => Assert.Equal("D024BE91L", b.GetProperty("channel").GetString()));
        Assert.All(bodies, b => Assert.Equal("1355517523.000005", b.GetProperty("thread_ts").GetString()));
    }

    [Fact]
    public async Task A_bot_of_its_own_uses_its_own_slack_token()
    {
        var handler = SlackOk();
        await using var host = await StartAsync(handler, new() { [$"Channels:Bots:{Some.BotId}:Slack:BotToken"] = "xoxb-shop" });

        await host.Harness.Bus.Publish(Some.Understood(From(ChannelNames.Slack, "C1")));

        Assert.Equal("Bearer xoxb-shop", (await Eventually.AtLeastAsync(1, () => handler.Requests))[0].Authorization);
    }

    [Fact]
    public async Task A_throttled_slack_reply_waits_for_retry_after_and_is_sent_once()
    {
        var handler = SlackOk().AnswerFirst(() =>
        {
            var throttled = Json("""{"ok":false,"error":"ratelimited"}""", HttpStatusCode.TooManyRequests);
            throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return throttled;
        });
        await using var host = await StartAsync(handler);

        await host.Harness.Bus.Publish(Some.Understood(From(ChannelNames.Slack, "C1")));

        var requests = await Eventually.AtLeastAsync(2, () => handler.Requests);
        Assert.True(await host.Harness.Consumed.Any<MessageUnderstood>());
        Assert.False(await host.Harness.Published.Any<Fault<MessageUnderstood>>());
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"resent after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_slack_error_that_retrying_cannot_mend_faults_the_message_at_once()
    {
        var handler = new RecordingHandler { Default = () => Json("""{"ok":false,"error":"channel_not_found"}""") };
        await using var host = await StartAsync(handler);

        await host.Harness.Bus.Publish(Some.Understood(From(ChannelNames.Slack, "C404")));

        Assert.True(await host.Harness.Published.Any<Fault<MessageUnderstood>>());
        var fault = host.Harness.Published.Select<Fault<MessageUnderstood>>().First().Context.Message;
        Assert.Equal(typeof(ReplyRejectedException).FullName, fault.Exceptions[0].ExceptionType);
        Assert.Contains("channel_not_found", fault.Exceptions[0].Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Telegram_replies_call_send_message_with_the_chat_id()
    {
        var handler = new RecordingHandler();
        await using var host = await StartAsync(handler);

        await host.Harness.Bus.Publish(Some.Understood(From(ChannelNames.Telegram, "-1001234567890")));

        var request = (await Eventually.AtLeastAsync(1, () => handler.Requests))[0];
        Assert.Equal("http://telegram.test/bot123:ABC/sendMessage", request.Uri.ToString());
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("-1001234567890", body.GetProperty("chat_id").GetString());
        Assert.Equal("Hello!", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_telegram_button_press_is_answered_and_then_acknowledged_once()
    {
        var handler = new RecordingHandler();
        await using var host = await StartAsync(handler);
        var understood = Some.Understood(From(ChannelNames.Telegram, "42", new() { [ReplyMetadata.TelegramCallbackQueryId] = "4382" }), "greet", "one", "two");

        await host.Harness.Bus.Publish(understood);
        await Eventually.AtLeastAsync(3, () => handler.Requests);
        await host.Harness.Bus.Publish(understood);
        await Eventually.AtLeastAsync(2, () => host.Harness.Consumed.Select<MessageUnderstood>());

        Assert.Equal(["sendMessage", "sendMessage", "answerCallbackQuery"], handler.Requests.Select(r => r.Uri.Segments[^1]));
        Assert.Equal("4382", JsonDocument.Parse(handler.Requests[2].Body).RootElement.GetProperty("callback_query_id").GetString());
    }

    [Fact]
    public async Task Messenger_replies_use_the_send_api_with_the_page_token()
    {
        var handler = new RecordingHandler();
        await using var host = await StartAsync(handler);

        await host.Harness.Bus.Publish(Some.Understood(From(ChannelNames.Messenger, "6534567890")));

        var request = (await Eventually.AtLeastAsync(1, () => handler.Requests))[0];
        Assert.Equal("http://graph.test/v21.0/me/messages", request.Uri.ToString());
        Assert.Equal("Bearer page-token", request.Authorization);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("6534567890", body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("RESPONSE", body.GetProperty("messaging_type").GetString());
        Assert.Equal("Hello!", body.GetProperty("message").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(null, "106540352242922")]
    [InlineData("999000111", "999000111")]
    public async Task WhatsApp_replies_go_from_the_configured_number_or_the_one_written_to(string? configured, string expectedNumber)
    {
        var handler = new RecordingHandler();
        await using var host = await StartAsync(handler, new() { ["Channels:WhatsApp:PhoneNumberId"] = configured });

        await host.Harness.Bus.Publish(Some.Understood(From(ChannelNames.WhatsApp, "16505551234",
            new() { [ReplyMetadata.WhatsAppPhoneNumberId] = "106540352242922" })));

        var request = (await Eventually.AtLeastAsync(1, () => handler.Requests))[0];
        Assert.Equal($"http://graph.test/v21.0/{expectedNumber}/messages", request.Uri.ToString());
        Assert.Equal("Bearer wa-token", request.Authorization);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("whatsapp", body.GetProperty("messaging_product").GetString());
        Assert.Equal("16505551234", body.GetProperty("to").GetString());
        Assert.Equal("Hello!", body.GetProperty("text").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Twilio_replies_are_sms_from_the_number_texted_with_basic_auth()
    {
        var handler = new RecordingHandler();
        await using var host = await StartAsync(handler);

        await host.Harness.Bus.Publish(Some.Understood(From(ChannelNames.Twilio, "+14155550100", new() { [ReplyMetadata.TwilioTo] = "+14155550199" })));

        var request = (await Eventually.AtLeastAsync(1, () => handler.Requests))[0];
        Assert.Equal("http://twilio.test/2010-04-01/Accounts/AC123/Messages.json", request.Uri.ToString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:twilio-token")), request.Authorization);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal(("+14155550100", "+14155550199", "Hello!"), (form["To"].ToString(), form["From"].ToString(), form["Body"].ToString()));
    }

    [Fact]
    public async Task After_a_failure_midway_only_the_replies_not_yet_sent_are_sent_again()
    {
        var handler = new RecordingHandler().AnswerFirst(HttpStatusCode.OK, HttpStatusCode.BadGateway);
        await using var host = await StartAsync(handler);

        await host.Harness.Bus.Publish(Some.Understood(From(ChannelNames.Telegram, "42"), "greet", "one", "two"));

        var requests = await Eventually.AtLeastAsync(3, () => handler.Requests);
        Assert.True(await host.Harness.Consumed.Any<MessageUnderstood>());
        Assert.Equal(["one", "two", "two"], requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()));
        Assert.False(await host.Harness.Published.Any<Fault<MessageUnderstood>>());
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_bot_without_credentials_for_the_platform_faults_without_calling_it()
    {
        var handler = new RecordingHandler();
        await using var host = await StartAsync(handler, new() { ["Channels:Telegram:BotToken"] = null });

        await host.Harness.Bus.Publish(Some.Understood(From(ChannelNames.Telegram, "42")));

        Assert.True(await host.Harness.Published.Any<Fault<MessageUnderstood>>());
        var fault = host.Harness.Published.Select<Fault<MessageUnderstood>>().First().Context.Message;
        Assert.Contains("Channels:Telegram:BotToken", fault.Exceptions[0].Message);
        Assert.Empty(handler.Requests);
    }
}
