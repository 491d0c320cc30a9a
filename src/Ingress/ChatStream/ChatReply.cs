namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>What a chat page is sent for each understood message: the bot's messages and what it understood.</summary>
public sealed record ChatReply(string MessageId, string Intent, double Confidence, string DialogueState, IReadOnlyList<string> Messages);
