using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Meta;

public sealed record MessengerEvent(MetaParty? Sender, MetaParty? Recipient, MessengerMessage? Message, MessengerPostback? Postback);

public sealed record MetaParty(string? Id);

public sealed record MessengerMessage(string? Mid, string? Text, bool? IsEcho, MessengerQuickReply? QuickReply);

public sealed record MessengerQuickReply(string? Payload);

/// <summary>A press of a button the bot sent: <c>title</c> is what the user saw, <c>payload</c> what the bot set.</summary>
public sealed record MessengerPostback(string? Mid, string? Title, string? Payload);

/// <summary>Turns a Messenger webhook (<c>object: page</c>) into the messages a bot should answer.</summary>
public static class MessengerPayload
{
    public const string Object = "page";
    /// <summary>Metadata key of the title of the quick reply or button the user pressed (the message text is its payload).</summary>
    public const string ButtonTitleKey = "button_title";

    public static InboundBatch Read(MetaEnvelope envelope)
    {
        if (envelope.Object != Object)
            return InboundBatch.Malformed($"'object' must be '{Object}' on the {ChannelNames.Messenger} webhook.");
        var messages = new List<InboundMessage>();
        foreach (var messaging in (envelope.Entry ?? []).SelectMany(entry => entry?.Messaging ?? []))
        {
            if (messaging?.Sender?.Id is not { Length: > 0 } psid)
                continue;
            // Echoes are the page's own messages (our replies among them); deliveries and reads carry no text.
            // A tapped quick reply or pressed button says its payload (what the bot offered it for); its title is kept beside.
            if (messaging.Message is { IsEcho: not true, Mid: { Length: > 0 } mid, Text: { } text } && !string.IsNullOrWhiteSpace(text))
                messages.Add(messaging.Message.QuickReply?.Payload is { Length: > 0 } quick ? Inbound(mid, psid, quick, text) : Inbound(mid, psid, text, null));
            else if (messaging.Postback is { Mid: { Length: > 0 } postbackMid } postback && (postback.Payload ?? postback.Title) is { Length: > 0 } pressed)
                messages.Add(Inbound(postbackMid, psid, pressed, postback.Title));
        }
        return InboundBatch.Of(messages);
    }

    private static InboundMessage Inbound(string mid, string psid, string text, string? title) =>
        new(mid, $"{ChannelNames.Messenger}:{psid}", psid, text.Trim(), psid,
            title is { Length: > 0 } ? new Dictionary<string, string> { [ButtonTitleKey] = title } : []);
}
