namespace ChatbotPipeline.Backends.Documents;

/// <summary>Where a conversation stands: when it started and last moved, how many turns, and its latest intent and dialogue state.</summary>
public sealed record ConversationSummary(
    string BotId,
    string ConversationId,
    string Channel,
    string SenderId,
    DateTimeOffset StartedAt,
    DateTimeOffset LastMessageAt,
    long Turns,
    string LastIntent,
    string DialogueState);
