namespace ChatbotPipeline.Nlu.Definitions;

/// <summary>A bot's own settings; its intents and entity types are kept beside it.</summary>
/// <param name="FallbackThreshold">Below this top-intent probability the fallback answers. Default 0.4.</param>
/// <param name="ContextMinutes">How long a conversation's context (pending intent, filled parameters) lives. Default 30.</param>
public sealed record Bot(string Id, string Name, double FallbackThreshold = Bot.DefaultFallbackThreshold, int ContextMinutes = Bot.DefaultContextMinutes)
{
    public const double DefaultFallbackThreshold = 0.4;
    public const int DefaultContextMinutes = 30;
}
