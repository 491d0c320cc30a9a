using System.Text;
using ChatbotPipeline.Channels.Meta;
using ChatbotPipeline.Channels.Slack;
using ChatbotPipeline.Channels.Telegram;
using ChatbotPipeline.Channels.Twilio;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared.Platforms;
using Microsoft.Extensions.Primitives;

namespace ChatbotPipeline.Ingress.Tests.Webhooks.Platforms;

/// <summary>What each platform's payload becomes: the message to answer, nothing, or a reason it is malformed.</summary>
public sealed class PlatformPayloadTests
{
    private static T Read<T>(string json) where T : class => PlatformJson.Read<T>(Encoding.UTF8.GetBytes(json), out _)!;

    [Fact]
    public void A_slack_direct_message_becomes_a_message_to_its_channel()
    {
        var batch = SlackPayload.Read(Read<SlackEnvelope>(PlatformSamples.SlackMessage("Ev1", "U2147483697", "D024BE91L", "  where is my order ")));

        var message = Assert.Single(batch.Messages);
        Assert.Equal(("Ev1", "slack:T1:D024BE91L", "U2147483697", "where is my order", "D024BE91L"),
            (message.PlatformMessageId, message.ConversationId, message.SenderId, message.Text, message.ReplyTo));
        Assert.Empty(message.Metadata);
    }

    [Fact]
    public void A_slack_mention_loses_the_bots_name_and_keeps_its_thread()
    {
        var batch = SlackPayload.Read(Read<SlackEnvelope>("""
            {"type":"event_callback","event_id":"Ev2","team_id":"T1","event":{"type":"app_mention","user":"U1","text":"<@U0LAN0Z89> where is my order",
             "channel":"C1","ts":"1515449522.000016","thread_ts":"1515449500.000001"}}
            """));

        var message = Assert.Single(batch.Messages);
        Assert.Equal("where is my order", message.Text);
        Assert.Equal("1515449500.000001", message.Metadata[ReplyMetadata.SlackThreadTs]);
    }

    [Theory]
    [InlineData("""{"type":"message","subtype":"bot_message","bot_id":"B1","text":"Hi!","channel":"D1"}""")]
    [InlineData("""{"type":"message","user":"U1","bot_id":"B1","text":"Hi!","channel":"D1"}""")]
    [InlineData("""{"type":"message","subtype":"message_changed","channel":"D1","message":{"text":"edited"}}""")]
    [InlineData("""{"type":"message","subtype":"message_deleted","channel":"D1"}""")]
    [InlineData("""{"type":"reaction_added","user":"U1","reaction":"thumbsup"}""")]
    [InlineData("""{"type":"app_mention","user":"U1","text":"<@U0LAN0Z89>","channel":"C1"}""")]
    public void Slack_bot_messages_edits_deletions_other_events_and_empty_mentions_are_ignored(string slackEvent)
    {
        var batch = SlackPayload.Read(Read<SlackEnvelope>($$"""{"type":"event_callback","event_id":"Ev3","event":{{slackEvent}}}"""));

        Assert.False(batch.IsMalformed);
        Assert.Empty(batch.Messages);
    }

    [Theory]
    [InlineData("""{"type":"event_callback","event":{"type":"message","user":"U1","text":"hi","channel":"D1"}}""", "'event_id' is required.")]
    [InlineData("""{"type":"event_callback","event_id":"Ev4"}""", "'event' is required.")]
    [InlineData("""{"type":"event_callback","event_id":"Ev4","event":{"type":"message","text":"hi","channel":"D1"}}""", "'event.channel' and 'event.user' are required.")]
    public void Slack_callbacks_without_what_a_reply_needs_are_malformed(string json, string error) =>
        Assert.Equal(error, SlackPayload.Read(Read<SlackEnvelope>(json)).Error);

    [Fact]
    public void A_telegram_text_message_becomes_a_message_to_its_chat()
    {
        var message = Assert.Single(TelegramPayload.Read(Read<TelegramUpdate>(PlatformSamples.TelegramText(10000, -1001234, "hello"))).Messages);

        Assert.Equal(("10000", "telegram:-1001234", "-1001234", "hello", "-1001234"),
            (message.PlatformMessageId, message.ConversationId, message.SenderId, message.Text, message.ReplyTo));
    }

    [Fact]
    public void A_telegram_button_press_becomes_a_message_with_the_buttons_data()
    {
        var update = Read<TelegramUpdate>("""
            {"update_id":7,"callback_query":{"id":"4382","from":{"id":11,"is_bot":false},"message":{"message_id":5,"chat":{"id":22,"type":"private"}},"data":"track order"}}
            """);

        var message = Assert.Single(TelegramPayload.Read(update).Messages);
        Assert.Equal(("7", "telegram:22", "11", "track order"), (message.PlatformMessageId, message.ConversationId, message.SenderId, message.Text));
        Assert.Equal("4382", message.Metadata[ReplyMetadata.TelegramCallbackQueryId]);
    }

    [Theory]
    [InlineData("""{"update_id":8,"edited_message":{"message_id":5,"from":{"id":1,"is_bot":false},"chat":{"id":1},"text":"edit"}}""")]
    [InlineData("""{"update_id":8,"message":{"message_id":5,"from":{"id":1,"is_bot":false},"chat":{"id":1},"photo":[]}}""")]
    [InlineData("""{"update_id":8,"message":{"message_id":5,"from":{"id":1,"is_bot":true},"chat":{"id":1},"text":"from a bot"}}""")]
    [InlineData("""{"update_id":8,"my_chat_member":{}}""")]
    public void Telegram_edits_media_bot_senders_and_member_updates_are_ignored(string json)
    {
        var batch = TelegramPayload.Read(Read<TelegramUpdate>(json));

        Assert.False(batch.IsMalformed);
        Assert.Empty(batch.Messages);
    }

    [Fact]
    public void A_messenger_batch_yields_each_users_message_and_button_press_but_not_echoes_or_receipts()
    {
        var envelope = Read<MetaEnvelope>("""
            {"object":"page","entry":[
              {"id":"P1","messaging":[
                {"sender":{"id":"111"},"recipient":{"id":"P1"},"message":{"mid":"m_1","text":"hello"}},
                {"sender":{"id":"P1"},"recipient":{"id":"111"},"message":{"mid":"m_2","text":"Hi!","is_echo":true}},
                {"sender":{"id":"111"},"recipient":{"id":"P1"},"delivery":{"mids":["m_2"]}}]},
              {"id":"P1","messaging":[
                {"sender":{"id":"222"},"recipient":{"id":"P1"},"postback":{"mid":"m_3","title":"Track my order","payload":"TRACK"}}]}]}
            """);

        var messages = MessengerPayload.Read(envelope).Messages;

        Assert.Equal([("m_1", "messenger:111", "hello"), ("m_3", "messenger:222", "TRACK")],
            messages.Select(m => (m.PlatformMessageId, m.ConversationId, m.Text)));
        Assert.Equal("Track my order", messages[1].Metadata[MessengerPayload.ButtonTitleKey]);
    }

    [Fact]
    public void A_whatsapp_batch_yields_texts_and_button_replies_but_not_statuses_or_media()
    {
        var envelope = Read<MetaEnvelope>("""
            {"object":"whatsapp_business_account","entry":[{"id":"W1","changes":[
              {"field":"messages","value":{"metadata":{"phone_number_id":"PN9"},"messages":[
                {"from":"15550001","id":"wamid.A","type":"text","text":{"body":"hello"}},
                {"from":"15550002","id":"wamid.B","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"b1","title":"Track order"}}},
                {"from":"15550003","id":"wamid.C","type":"image","image":{"id":"img"}}]}},
              {"field":"messages","value":{"metadata":{"phone_number_id":"PN9"},"statuses":[{"id":"wamid.X","status":"read"}]}}]}]}
            """);

        var messages = WhatsAppPayload.Read(envelope).Messages;

        Assert.Equal([("wamid.A", "whatsapp:15550001", "hello"), ("wamid.B", "whatsapp:15550002", "b1")],
            messages.Select(m => (m.PlatformMessageId, m.ConversationId, m.Text)));
        Assert.All(messages, m => Assert.Equal("PN9", m.Metadata[ReplyMetadata.WhatsAppPhoneNumberId]));
    }

    [Fact]
    public void A_body_for_the_other_meta_product_is_malformed()
    {
        var whatsApp = Read<MetaEnvelope>(PlatformSamples.WhatsAppText("wamid.1", "1555", "hi"));

        Assert.Equal("'object' must be 'page' on the messenger webhook.", MessengerPayload.Read(whatsApp).Error);
    }

    [Fact]
    public void A_twilio_sms_becomes_a_message_answered_from_the_number_texted()
    {
        var form = PlatformSamples.TwilioSms("SM1", "+14155550100", "hello").ToDictionary(p => p.Key, p => new StringValues(p.Value));

        var message = Assert.Single(TwilioPayload.Read(form).Messages);

        Assert.Equal(("SM1", "twilio:+14155550100", "+14155550100", "hello"), (message.PlatformMessageId, message.ConversationId, message.ReplyTo, message.Text));
        Assert.Equal("+15550009999", message.Metadata[ReplyMetadata.TwilioTo]);
    }

    [Fact]
    public void A_twilio_picture_without_words_is_ignored_and_one_without_a_sender_is_malformed()
    {
        var picture = new Dictionary<string, StringValues> { ["MessageSid"] = "MM1", ["From"] = "+1", ["To"] = "+2", ["NumMedia"] = "1" };

        Assert.Empty(TwilioPayload.Read(picture).Messages);
        Assert.Equal("'MessageSid', 'From' and 'To' are required.", TwilioPayload.Read(new Dictionary<string, StringValues> { ["MessageSid"] = "SM1" }).Error);
    }

    [Fact]
    public void The_users_display_name_is_kept_for_templates_where_the_platform_sends_one()
    {
        var telegram = TelegramPayload.Read(Read<TelegramUpdate>("""
            {"update_id":9,"message":{"message_id":1,"from":{"id":11,"is_bot":false,"first_name":"Ada"},"chat":{"id":11,"type":"private"},"text":"hi"}}
            """)).Messages.Single();
        var whatsApp = WhatsAppPayload.Read(Read<MetaEnvelope>(ChatbotPipeline.Tests.Shared.Platforms.PlatformSamples.WhatsAppText("wamid.N", "15550009", "hi"))).Messages.Single();

        Assert.Equal(("Ada", "Ann"), (telegram.Metadata[ReplyMetadata.Username], whatsApp.Metadata[ReplyMetadata.Username]));
    }
}
