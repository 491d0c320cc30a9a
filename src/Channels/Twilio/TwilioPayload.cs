using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;
using Microsoft.Extensions.Primitives;

namespace ChatbotPipeline.Channels.Twilio;

/// <summary>Turns the parameters of an incoming SMS webhook into the message a bot should answer.</summary>
public static class TwilioPayload
{
    public static InboundBatch Read(IReadOnlyDictionary<string, StringValues> form)
    {
        var sid = Single(form, "MessageSid");
        var from = Single(form, "From");
        var to = Single(form, "To");
        if (sid is null || from is null || to is null)
            return InboundBatch.Malformed("'MessageSid', 'From' and 'To' are required.");
        // A picture without words carries nothing the bot can understand.
        if (Single(form, "Body") is not { } body || string.IsNullOrWhiteSpace(body))
            return InboundBatch.Nothing;
        return InboundBatch.Of(new InboundMessage(sid, $"{ChannelNames.Twilio}:{from}", from, body.Trim(), from,
            new Dictionary<string, string> { [ReplyMetadata.TwilioTo] = to }));
    }

    private static string? Single(IReadOnlyDictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 && values[0] is { Length: > 0 } value ? value : null;
}
