using System.Net;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Contracts;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Consumers.Tests.Notifications;

/// <summary>
/// A reply with markup and buttons in each platform's own format: Slack mrkdwn and Block Kit buttons, Telegram HTML
/// and an inline keyboard, Messenger quick replies, WhatsApp reply buttons (a numbered list above three), SMS plain
/// text with numbered options, the REST callback's structured buttons. Buttons go under the last reply only.
/// </summary>
public sealed class RichReplyTests
{
    private static readonly ReplyButton[] YesNo = [new("Yes please", "/affirm"), new("No", "/deny")];

    // The shared credentials, with the WhatsApp number configured so the reply body is all that varies.
    private static readonly Dictionary<string, string?> Credentials = new(PlatformReplyTests.Credentials)
    {
        ["Channels:WhatsApp:PhoneNumberId"] = "106540352242922",
    };

    private static async Task<(PipelineTestHost Host, RecordingHandler Handler)> SendAsync(string channel, string replyTo, IReadOnlyList<ReplyButton> buttons,
        Dictionary<string, string>? metadata = null)
    {
        var handler = new RecordingHandler { Default = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"ok":true}""", Encoding.UTF8, "application/json") } };
        var host = await new PipelineTestHost(Credentials, services => services.AddHttpClient<ReplyHttp>().ConfigurePrimaryHttpMessageHandler(() => handler)).StartAsync();
        var message = new MessageReceived(Guid.NewGuid().ToString("N"), Some.BotId, channel, $"{channel}:{replyTo}", "u1", "where is my order", replyTo,
            DateTimeOffset.UtcNow, metadata ?? []);
        await host.Harness.Bus.Publish(Some.Understood(message, "order", "Your order is **shipped**, _today_ [track it](https://example.com/t/1)", "Anything else?") with { Buttons = buttons });
        await Eventually.AtLeastAsync(channel == ChannelNames.Rest ? 1 : 2, () => handler.Requests);
        return (host, handler);
    }

    private static JsonElement Body(RecordingHandler handler, int index) => JsonDocument.Parse(handler.Requests[index].Body).RootElement;

    [Fact]
    public async Task Slack_gets_mrkdwn_and_block_kit_buttons_carrying_the_payloads()
    {
        var (host, handler) = await SendAsync(ChannelNames.Slack, "D1", YesNo);
        await using var running = host;

        Assert.Equal("Your order is *shipped*, _today_ <https://example.com/t/1|track it>", Body(handler, 0).GetProperty("text").GetString());
        Assert.False(Body(handler, 0).TryGetProperty("blocks", out _));
        var actions = Body(handler, 1).GetProperty("blocks")[1];
        Assert.Equal("actions", actions.GetProperty("type").GetString());
        Assert.Equal(["/affirm", "/deny"], actions.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("value").GetString()));
        Assert.Equal(["Yes please", "No"], actions.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("text").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Telegram_gets_html_and_an_inline_keyboard()
    {
        var (host, handler) = await SendAsync(ChannelNames.Telegram, "42", YesNo);
        await using var running = host;

        Assert.Equal("HTML", Body(handler, 0).GetProperty("parse_mode").GetString());
        Assert.Equal("Your order is <b>shipped</b>, <i>today</i> <a href=\"https://example.com/t/1\">track it</a>", Body(handler, 0).GetProperty("text").GetString());
        var keyboard = Body(handler, 1).GetProperty("reply_markup").GetProperty("inline_keyboard");
        Assert.Equal(["/affirm", "/deny"], keyboard.EnumerateArray().Select(row => row[0].GetProperty("callback_data").GetString()));
    }

    [Fact]
    public async Task Messenger_gets_plain_text_and_quick_replies()
    {
        var (host, handler) = await SendAsync(ChannelNames.Messenger, "6534567890", YesNo);
        await using var running = host;

        Assert.Equal("Your order is shipped, today track it (https://example.com/t/1)", Body(handler, 0).GetProperty("message").GetProperty("text").GetString());
        var quickReplies = Body(handler, 1).GetProperty("message").GetProperty("quick_replies");
        Assert.Equal(["/affirm", "/deny"], quickReplies.EnumerateArray().Select(q => q.GetProperty("payload").GetString()));
    }

    [Fact]
    public async Task WhatsApp_gets_reply_buttons_and_more_than_three_as_a_numbered_list()
    {
        var (host, handler) = await SendAsync(ChannelNames.WhatsApp, "16505551234", YesNo);
        await using var running = host;
        var (manyHost, manyHandler) = await SendAsync(ChannelNames.WhatsApp, "16505551234",
            [new("Small", "/s"), new("Medium", "/m"), new("Large", "/l"), new("Huge", "/h")]);
        await using var runningMany = manyHost;

        Assert.Equal("Your order is *shipped*, _today_ track it (https://example.com/t/1)", Body(handler, 0).GetProperty("text").GetProperty("body").GetString());
        var interactive = Body(handler, 1).GetProperty("interactive");
        Assert.Equal("button", interactive.GetProperty("type").GetString());
        Assert.Equal(["/affirm", "/deny"], interactive.GetProperty("action").GetProperty("buttons").EnumerateArray().Select(b => b.GetProperty("reply").GetProperty("id").GetString()));
        Assert.Equal("Anything else?\n1. Small\n2. Medium\n3. Large\n4. Huge", Body(manyHandler, 1).GetProperty("text").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Sms_gets_plain_text_with_numbered_options()
    {
        var (host, handler) = await SendAsync(ChannelNames.Twilio, "+14155550100", YesNo, new() { [ReplyMetadata.TwilioTo] = "+14155550199" });
        await using var running = host;

        Assert.Equal("Your order is shipped, today track it (https://example.com/t/1)", QueryHelpers.ParseQuery(handler.Requests[0].Body)["Body"].ToString());
        Assert.Equal("Anything else?\n1. Yes please\n2. No", QueryHelpers.ParseQuery(handler.Requests[1].Body)["Body"].ToString());
    }

    [Fact]
    public async Task The_rest_callback_gets_the_buttons_as_structured_json_under_the_last_message()
    {
        var (host, handler) = await SendAsync(ChannelNames.Rest, "http://callbacks.test/replies", YesNo);
        await using var running = host;

        var messages = Body(handler, 0).GetProperty("messages");
        Assert.False(messages[0].TryGetProperty("buttons", out _));
        Assert.Equal(["/affirm", "/deny"], messages[1].GetProperty("buttons").EnumerateArray().Select(b => b.GetProperty("payload").GetString()));
        Assert.Equal(handler.Requests[0].Headers?.GetValueOrDefault("Idempotency-Key"), Body(handler, 0).GetProperty("messageId").GetString());
    }
}
