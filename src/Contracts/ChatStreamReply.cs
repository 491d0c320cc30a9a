namespace ChatbotPipeline.Contracts;

/// <summary>
/// A verdict's replies for a web-chat page: published only for conversations a page follows
/// (<see cref="MessageReceived.LiveChat"/>), to every Ingress instance's stream queue, since the page is connected to one
/// of them. It carries what the page shows, not the whole verdict.
/// </summary>
public sealed record ChatStreamReply(
    string MessageId,
    string BotId,
    string ConversationId,
    string Intent,
    double Confidence,
    string DialogueState,
    IReadOnlyList<string> Replies,
    IReadOnlyList<ReplyButton> Buttons)
{
    public static ChatStreamReply Of(MessageUnderstood understood) => new(
        understood.Message.MessageId, understood.Message.BotId, understood.Message.ConversationId, understood.Intent,
        understood.Confidence, understood.DialogueState, understood.Replies, understood.Buttons ?? []);
}
