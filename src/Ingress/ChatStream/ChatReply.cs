namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>
/// What a chat page is sent for each understood message: the bot's messages (reply Markdown, which the page renders
/// as escaped HTML), the buttons under them, and what it understood.
/// </summary>
public sealed record ChatReply(string MessageId, string Intent, double Confidence, string DialogueState, IReadOnlyList<string> Messages,
    IReadOnlyList<Contracts.ReplyButton> Buttons);
