namespace ChatbotPipeline.Contracts;

/// <summary>A user's message, verified and normalized by Ingress, waiting to be understood.</summary>
/// <param name="Channel">The platform, one of <see cref="ChannelNames"/>.</param>
/// <param name="ReplyTo">Where the bot's reply goes: for <c>rest</c> a callback URL, or null when only live chat streams
/// listen; for a platform the address its API answers (Slack channel, Telegram chat, Messenger PSID, WhatsApp or SMS number).</param>
/// <param name="LiveChat">A web-chat page follows this conversation (the request carried its session token): its
/// verdict is also published as <see cref="ChatStreamReply"/> for the Ingress instances' streams. Every other
/// conversation costs the broker no stream delivery.</param>
/// <param name="Sequence">The message's number in its conversation, in the order Ingress took them (from 1; 0 when it
/// could not be numbered): NLU handles a conversation's messages in this order across replicas.</param>
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
    bool LiveChat = false,
    long Sequence = 0);
