namespace ChatbotPipeline.Contracts;

/// <summary>A user's message, verified and normalized by Ingress, waiting to be understood.</summary>
/// <param name="ReplyTo">Where the bot's reply goes: a callback URL, or null when only live chat streams listen.</param>
/// <param name="PlatformMessageId">The platform's own id for the message, when it has one; used to drop platform retries.</param>
public sealed record MessageReceived(
    string MessageId,
    string BotId,
    string Channel,
    string ConversationId,
    string SenderId,
    string Text,
    string? ReplyTo,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, string> Metadata,
    string? PlatformMessageId = null);
