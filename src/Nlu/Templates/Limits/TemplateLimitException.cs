namespace ChatbotPipeline.Nlu.Templates.Limits;

/// <summary>A render went past one of its <see cref="TemplateLimits"/>; it stops, and the bot answers with its fallback.</summary>
public sealed class TemplateLimitException(string message) : Exception(message);
