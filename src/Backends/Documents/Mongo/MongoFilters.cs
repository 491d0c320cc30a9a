using MongoDB.Bson;
using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>The filters, sorts and updates the stores send, in one place so tests can render them without a server.</summary>
public static class MongoFilters
{
    public static FilterDefinition<BotPartDocument> PartsOf(string botId) => Builders<BotPartDocument>.Filter.Eq(p => p.BotId, botId);

    public static FilterDefinition<BotPartDocument> Part(string botId, string key) =>
        Builders<BotPartDocument>.Filter.Eq(p => p.BotId, botId) & Builders<BotPartDocument>.Filter.Eq(p => p.Key, key);

    public static SortDefinition<BotPartDocument> PartOrder { get; } = Builders<BotPartDocument>.Sort.Ascending(p => p.Sequence);

    /// <summary>Replaces a part's body; a new part takes the reserved sequence, an existing one keeps its place.</summary>
    public static UpdateDefinition<BotPartDocument> SavePart(BsonDocument body, long sequence) =>
        Builders<BotPartDocument>.Update.Set(p => p.Body, body).SetOnInsert(p => p.Sequence, sequence);

    public static FilterDefinition<TurnDocument> TurnsOf(string botId, string conversationId) =>
        Builders<TurnDocument>.Filter.Eq(t => t.BotId, botId) & Builders<TurnDocument>.Filter.Eq(t => t.ConversationId, conversationId);

    /// <summary>A bot's turns received in [from, to), served by the (botId, receivedAt) index.</summary>
    public static FilterDefinition<TurnDocument> TurnsBetween(string botId, DateTimeOffset from, DateTimeOffset to) =>
        Builders<TurnDocument>.Filter.Eq(t => t.BotId, botId)
        & Builders<TurnDocument>.Filter.Gte(t => t.ReceivedAt, from.UtcDateTime)
        & Builders<TurnDocument>.Filter.Lt(t => t.ReceivedAt, to.UtcDateTime);

    /// <summary>Received order; the message id breaks ties between turns received in the same millisecond.</summary>
    public static SortDefinition<TurnDocument> TurnOrder { get; } = Builders<TurnDocument>.Sort.Ascending(t => t.ReceivedAt).Ascending(t => t.MessageId);

    public static FilterDefinition<ConversationDocument> Conversation(string botId, string conversationId) =>
        Builders<ConversationDocument>.Filter.Eq(c => c.BotId, botId) & Builders<ConversationDocument>.Filter.Eq(c => c.ConversationId, conversationId);

    public static FilterDefinition<ConversationDocument> ConversationsOf(string botId) => Builders<ConversationDocument>.Filter.Eq(c => c.BotId, botId);

    public static SortDefinition<ConversationDocument> MostRecentFirst { get; } = Builders<ConversationDocument>.Sort.Descending(c => c.LastMessageAt);

    /// <summary>
    /// Folds a new turn into its conversation's state: created on the first turn (the filter's fields seed it), counted
    /// on every one. Latest intent and state are last-writer-wins, which is the latest turn because NLU handles one
    /// conversation's messages in order.
    /// </summary>
    public static UpdateDefinition<ConversationDocument> RecordTurn(ConversationTurn turn)
    {
        var update = Builders<ConversationDocument>.Update;
        return update.Combine(
            update.SetOnInsert(c => c.Channel, turn.Channel),
            update.SetOnInsert(c => c.SenderId, turn.SenderId),
            update.Min(c => c.StartedAt, turn.ReceivedAt.UtcDateTime),
            update.Max(c => c.LastMessageAt, turn.ReceivedAt.UtcDateTime),
            update.Inc(c => c.Turns, 1L),
            update.Set(c => c.LastIntent, turn.Intent),
            update.Set(c => c.DialogueState, turn.DialogueState));
    }

    public static FilterDefinition<AnalyticsEventDocument> EventsBetween(string botId, DateTimeOffset from, DateTimeOffset to) =>
        Builders<AnalyticsEventDocument>.Filter.Eq(a => a.BotId, botId)
        & Builders<AnalyticsEventDocument>.Filter.Gte(a => a.At, from.UtcDateTime)
        & Builders<AnalyticsEventDocument>.Filter.Lt(a => a.At, to.UtcDateTime);

    public static SortDefinition<AnalyticsEventDocument> EventOrder { get; } =
        Builders<AnalyticsEventDocument>.Sort.Ascending(a => a.At).Ascending(a => a.MessageId);
}
