namespace ChatbotPipeline.Nlu.Definitions;

/// <summary>Intent ids with a fixed meaning in the dialogue policy, as ai-chatbot-framework names them.</summary>
public static class SystemIntents
{
    /// <summary>Answers when nothing is understood; its speech response is the bot's fallback message.</summary>
    public const string Fallback = "fallback";

    /// <summary>Drops the intent in progress and its collected parameters.</summary>
    public const string Cancel = "cancel";

    /// <summary>What the bot says on fallback when it has no fallback intent of its own.</summary>
    public const string DefaultFallbackResponse = "Sorry, I didn't get that. ### Could you say it another way?";
}
