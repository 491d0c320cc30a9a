using System.Text.RegularExpressions;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Slack;

/// <summary>An Events API request: the URL check, or an <c>event_callback</c> wrapping one event.</summary>
public sealed record SlackEnvelope(string? Type, string? Challenge, string? EventId, string? TeamId, SlackEvent? Event)
{
    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";
}

/// <summary>The fields of a <c>message</c> or <c>app_mention</c> event the pipeline reads.</summary>
public sealed record SlackEvent(string? Type, string? Subtype, string? User, string? BotId, string? Text, string? Channel, string? Ts, string? ThreadTs);

/// <summary>Turns an Events API callback into the message a bot should answer, if there is one.</summary>
public static partial class SlackPayload
{
    public static InboundBatch Read(SlackEnvelope envelope)
    {
        if (envelope.Type != SlackEnvelope.EventCallback)
            return InboundBatch.Nothing;
        if (string.IsNullOrEmpty(envelope.EventId))
            return InboundBatch.Malformed("'event_id' is required.");
        if (envelope.Event is not { } slackEvent)
            return InboundBatch.Malformed("'event' is required.");
        // Bot messages include our own replies: answering them would loop. Subtypes are edits, deletions, joins and the like.
        if (slackEvent.Type is not ("message" or "app_mention") || slackEvent.Subtype is not null || slackEvent.BotId is not null)
            return InboundBatch.Nothing;
        if (string.IsNullOrEmpty(slackEvent.Channel) || string.IsNullOrEmpty(slackEvent.User))
            return InboundBatch.Malformed("'event.channel' and 'event.user' are required.");
        var text = MentionPrefix().Replace(slackEvent.Text ?? "", "").Trim();
        if (text.Length == 0)
            return InboundBatch.Nothing;

        var metadata = new Dictionary<string, string>();
        if (slackEvent.ThreadTs is { Length: > 0 } thread)
            metadata[ReplyMetadata.SlackThreadTs] = thread;
        var conversation = envelope.TeamId is { Length: > 0 } team ? $"slack:{team}:{slackEvent.Channel}" : $"slack:{slackEvent.Channel}";
        return InboundBatch.Of(new InboundMessage(envelope.EventId, conversation, slackEvent.User, text, slackEvent.Channel, metadata));
    }

    /// <summary>An <c>app_mention</c> starts with the bot's own user reference, which is not part of what the user said.</summary>
    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>\s*")]
    private static partial Regex MentionPrefix();
}
