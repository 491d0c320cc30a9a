namespace ChatbotPipeline.Contracts;

/// <summary>A button or quick reply under the bot's last message: a press comes back as a user message saying <paramref name="Payload"/>.</summary>
public sealed record ReplyButton(string Title, string Payload);
