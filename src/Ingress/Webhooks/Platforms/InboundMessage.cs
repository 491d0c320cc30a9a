namespace ChatbotPipeline.Ingress.Webhooks.Platforms;

/// <summary>A user's message as a platform's webhook described it, before the pipeline gives it an id.</summary>
/// <param name="PlatformMessageId">The platform's id for this delivery (Slack event_id, Telegram update_id, mid, wamid, MessageSid): retries repeat it.</param>
/// <param name="ReplyTo">The address the platform's API answers.</param>
public sealed record InboundMessage(
    string PlatformMessageId,
    string ConversationId,
    string SenderId,
    string Text,
    string ReplyTo,
    IReadOnlyDictionary<string, string> Metadata);

/// <summary>What a webhook body holds: messages to take in (none when it only reports things a bot ignores), or why it is malformed.</summary>
public sealed record InboundBatch(IReadOnlyList<InboundMessage> Messages, string? Error = null)
{
    public static InboundBatch Nothing { get; } = new([]);

    public static InboundBatch Of(params IReadOnlyList<InboundMessage> messages) => new(messages);

    public static InboundBatch Malformed(string error) => new([], error);

    public bool IsMalformed => Error is not null;
}
