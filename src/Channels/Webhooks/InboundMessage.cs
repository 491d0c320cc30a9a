using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Webhooks;

/// <summary>A user's message as a webhook described it (any channel, REST included), before the pipeline gives it an id.</summary>
/// <param name="PlatformMessageId">The sender's id for this delivery (Slack event_id, Telegram update_id, mid, wamid,
/// MessageSid, REST message_id): retries repeat it; null when it gave none.</param>
/// <param name="ReplyTo">The address the platform's API answers (REST: the callback URL, or null).</param>
public sealed record InboundMessage(
    string? PlatformMessageId,
    string ConversationId,
    string SenderId,
    string Text,
    string? ReplyTo,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The pipeline's message for it: a new id, taken at <paramref name="at"/>.</summary>
    /// <param name="liveChat">A web-chat page follows the conversation (REST with a session token).</param>
    public MessageReceived Received(string botId, string channel, DateTimeOffset at, bool liveChat = false) => new(
        MessageId: Guid.CreateVersion7().ToString("N"),
        BotId: botId,
        Channel: channel,
        ConversationId: ConversationId,
        SenderId: SenderId,
        Text: Text,
        ReplyTo: ReplyTo,
        ReceivedAt: at,
        Metadata: Metadata,
        LiveChat: liveChat);
}

/// <summary>What a webhook body holds: messages to take in (none when it only reports things a bot ignores), or why it is malformed.</summary>
public sealed record InboundBatch(IReadOnlyList<InboundMessage> Messages, string? Error = null)
{
    public static InboundBatch Nothing { get; } = new([]);

    public static InboundBatch Of(params IReadOnlyList<InboundMessage> messages) => new(messages);

    public static InboundBatch Malformed(string error) => new([], error);

    public bool IsMalformed => Error is not null;
}
