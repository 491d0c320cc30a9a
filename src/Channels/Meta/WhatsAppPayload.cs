using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Meta;

public sealed record WhatsAppChange(string? Field, WhatsAppValue? Value);

public sealed record WhatsAppValue(WhatsAppNumber? Metadata, List<WhatsAppMessage?>? Messages, List<WhatsAppContact?>? Contacts = null);

/// <summary>Who wrote: the WhatsApp id and the profile name the user chose.</summary>
public sealed record WhatsAppContact(WhatsAppProfile? Profile, string? WaId);

public sealed record WhatsAppProfile(string? Name);

public sealed record WhatsAppNumber(string? PhoneNumberId, string? DisplayPhoneNumber);

public sealed record WhatsAppMessage(string? From, string? Id, string? Type, WhatsAppText? Text, WhatsAppInteractive? Interactive, WhatsAppButton? Button);

public sealed record WhatsAppText(string? Body);

/// <summary>A reply to an interactive message: the button or list row the user chose.</summary>
public sealed record WhatsAppInteractive(string? Type, WhatsAppChoice? ButtonReply, WhatsAppChoice? ListReply);

public sealed record WhatsAppChoice(string? Id, string? Title);

/// <summary>A press of a template's quick-reply button.</summary>
public sealed record WhatsAppButton(string? Text, string? Payload);

/// <summary>Turns a WhatsApp Cloud webhook (<c>object: whatsapp_business_account</c>) into the messages a bot should answer.</summary>
public static class WhatsAppPayload
{
    public const string Object = "whatsapp_business_account";

    public static InboundBatch Read(MetaEnvelope envelope)
    {
        if (envelope.Object != Object)
            return InboundBatch.Malformed($"'object' must be '{Object}' on the {ChannelNames.WhatsApp} webhook.");
        var messages = new List<InboundMessage>();
        // Status changes (sent, delivered, read) arrive in the same field without messages.
        foreach (var value in (envelope.Entry ?? []).SelectMany(entry => entry?.Changes ?? []).Where(change => change?.Field == "messages").Select(change => change!.Value))
        {
            foreach (var message in value?.Messages ?? [])
            {
                if (message is not { From: { Length: > 0 } from, Id: { Length: > 0 } wamid } || TextOf(message) is not { } text)
                    continue;
                // The number written to answers; Meta always says which it is.
                if (value!.Metadata?.PhoneNumberId is not { Length: > 0 } number)
                    return InboundBatch.Malformed("'metadata.phone_number_id' is required with messages.");
                var metadata = new Dictionary<string, string> { [ReplyMetadata.WhatsAppPhoneNumberId] = number };
                if (value.Contacts?.FirstOrDefault(c => c?.WaId == from)?.Profile?.Name is { Length: > 0 } name)
                    metadata[ReplyMetadata.Username] = name;
                messages.Add(new InboundMessage(wamid, $"{ChannelNames.WhatsApp}:{from}", from, text, from, metadata));
            }
        }
        return InboundBatch.Of(messages);
    }

    /// <summary>What the user said or chose; null for media, locations, reactions and the like.</summary>
    private static string? TextOf(WhatsAppMessage message)
    {
        var text = message.Type switch
        {
            "text" => message.Text?.Body,
            // A pressed reply button or list row says the id the bot gave it (its payload); a template button, its payload.
            "interactive" => (message.Interactive?.ButtonReply ?? message.Interactive?.ListReply) is { } choice ? choice.Id ?? choice.Title : null,
            "button" => message.Button?.Payload ?? message.Button?.Text,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
