namespace ChatbotPipeline.Nlu.Dialogue;

/// <summary>What a conversation remembers between messages: the intent in progress and the parameters it has.</summary>
/// <param name="IntentId">The intent still collecting parameters, or null when none is in progress.</param>
/// <param name="AwaitingParameter">The parameter the bot last asked for.</param>
/// <param name="Reprompts">How many times in a row it has asked for it again without getting it.</param>
public sealed record ConversationContext(string? IntentId, IReadOnlyDictionary<string, string> Parameters, string? AwaitingParameter, int Reprompts = 0)
{
    /// <summary>A conversation with nothing in progress.</summary>
    public static ConversationContext Empty { get; } = new(null, new Dictionary<string, string>(), null);
}
