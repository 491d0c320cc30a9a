using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Nlu.Dialogue;

/// <summary>The policy's decision for one message: who answered, with what, and what to remember.</summary>
/// <param name="State">One of <see cref="DialogueStates"/>.</param>
/// <param name="NextContext">The context to keep for the next message of the conversation.</param>
/// <param name="Buttons">The answering intent's buttons, offered under the last reply.</param>
public sealed record DialogueOutcome(
    string Intent,
    string State,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Replies,
    ConversationContext NextContext,
    IReadOnlyList<ReplyButton>? Buttons = null);
