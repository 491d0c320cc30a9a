namespace ChatbotPipeline.Contracts;

/// <summary>The NLU verdict on one message: intent, entities, dialogue state and the replies to send.</summary>
/// <param name="Intent">The intent that answered: the classified intent, or <c>fallback</c> below the bot's threshold.</param>
/// <param name="Confidence">The classifier's probability for its top intent (0 when no model was loaded).</param>
/// <param name="DialogueState">One of <see cref="DialogueStates"/>.</param>
/// <param name="NluMilliseconds">Time spent understanding the message, for latency analytics.</param>
/// <param name="Ranking">The model's most probable intents, most probable first (at most three; empty without a model):
/// what a "did you mean" answer or a review of fallbacks needs.</param>
/// <param name="Action">For an intent with an API call: how the call went (its answer is in the replies).</param>
/// <param name="Buttons">Buttons offered under the last reply; each channel shows them its own way.</param>
public sealed record MessageUnderstood(
    MessageReceived Message,
    string Intent,
    double Confidence,
    IReadOnlyList<ExtractedEntity> Entities,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Replies,
    string DialogueState,
    string? ModelVersion,
    DateTimeOffset ProcessedAt,
    double NluMilliseconds,
    IReadOnlyList<IntentCandidate>? Ranking = null,
    ActionOutcome? Action = null,
    IReadOnlyList<ReplyButton>? Buttons = null)
{
    /// <summary>True when the bot did not understand the message and answered with its fallback.</summary>
    public bool IsFallback => DialogueState == DialogueStates.Fallback;
}
