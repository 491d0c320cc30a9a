using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>
/// Every index the stores' queries rely on. Turns and counted messages use the message id as <c>_id</c>, whose
/// built-in unique index is what makes appending and counting idempotent.
/// </summary>
public static class MongoIndexes
{
    /// <summary>An intent id or entity name is unique per bot; listing walks a bot's parts in the order they were added.</summary>
    public static IReadOnlyList<CreateIndexModel<BotPartDocument>> BotParts { get; } =
    [
        new(Builders<BotPartDocument>.IndexKeys.Ascending(p => p.BotId).Ascending(p => p.Key),
            new CreateIndexOptions { Name = "bot_key", Unique = true }),
        new(Builders<BotPartDocument>.IndexKeys.Ascending(p => p.BotId).Ascending(p => p.Sequence),
            new CreateIndexOptions { Name = "bot_sequence" }),
    ];

    /// <summary>A conversation's turns in received order; a bot's turns in a time range (exports).</summary>
    public static IReadOnlyList<CreateIndexModel<TurnDocument>> Turns { get; } =
    [
        new(Builders<TurnDocument>.IndexKeys.Ascending(t => t.BotId).Ascending(t => t.ConversationId).Ascending(t => t.ReceivedAt),
            new CreateIndexOptions { Name = "bot_conversation_received" }),
        new(Builders<TurnDocument>.IndexKeys.Ascending(t => t.BotId).Ascending(t => t.ReceivedAt),
            new CreateIndexOptions { Name = "bot_received" }),
    ];

    /// <summary>One state document per conversation; a bot's conversations, most recently active first.</summary>
    public static IReadOnlyList<CreateIndexModel<ConversationDocument>> Conversations { get; } =
    [
        new(Builders<ConversationDocument>.IndexKeys.Ascending(c => c.BotId).Ascending(c => c.ConversationId),
            new CreateIndexOptions { Name = "bot_conversation", Unique = true }),
        new(Builders<ConversationDocument>.IndexKeys.Ascending(c => c.BotId).Descending(c => c.LastMessageAt),
            new CreateIndexOptions { Name = "bot_last_message" }),
    ];

    /// <summary>A bot's events by time, for analytics reports over any span.</summary>
    public static IReadOnlyList<CreateIndexModel<AnalyticsEventDocument>> AnalyticsEvents { get; } =
    [
        new(Builders<AnalyticsEventDocument>.IndexKeys.Ascending(a => a.BotId).Ascending(a => a.At), new CreateIndexOptions { Name = "bot_at" }),
    ];
}
