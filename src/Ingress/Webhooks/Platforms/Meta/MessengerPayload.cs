using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Ingress.Webhooks.Platforms.Meta;

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
    public const string PayloadKey = "messenger_payload";

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
            if (messaging.Message is { IsEcho: not true, Mid: { Length: > 0 } mid, Text: { } text } && !string.IsNullOrWhiteSpace(text))
                messages.Add(Inbound(mid, psid, text, messaging.Message.QuickReply?.Payload));
            else if (messaging.Postback is { Mid: { Length: > 0 } postbackMid } postback && (postback.Title ?? postback.Payload) is { Length: > 0 } pressed)
                messages.Add(Inbound(postbackMid, psid, pressed, postback.Payload));
        }
        return InboundBatch.Of(messages);
    }

    private static InboundMessage Inbound(string mid, string psid, string text, string? payload) =>
        new(mid, $"{ChannelNames.Messenger}:{psid}", psid, text.Trim(), psid,
            payload is { Length: > 0 } ? new Dictionary<string, string> { [PayloadKey] = payload } : []);
}
