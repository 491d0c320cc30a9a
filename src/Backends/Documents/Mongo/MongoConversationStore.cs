using System.Runtime.CompilerServices;
using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>
/// Conversation turns in MongoDB: append-only documents keyed by message id, plus a small state document per
/// conversation. The state is updated only after a turn is newly stored, so a redelivery never counts twice.
/// </summary>
public sealed class MongoConversationStore(MongoDocuments documents) : IConversationStore
{
    public async Task<IReadOnlyList<ConversationTurn>> AppendAllAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        var inserted = await MongoInserts.InsertNewAsync(documents.Turns, turns.Select(TurnDocument.From).ToList(), cancellationToken);
        var stored = inserted.Select(i => turns[i]).ToList();
        if (stored.Count == 0)
            return stored;
        // In received order, so a conversation's last intent and state are those of its latest turn.
        var updates = stored.OrderBy(t => t.ReceivedAt).Select(turn => new UpdateOneModel<ConversationDocument>(
            MongoFilters.Conversation(turn.BotId, turn.ConversationId), MongoFilters.RecordTurn(turn))
        { IsUpsert = true });
        await documents.Conversations.BulkWriteAsync(updates, new BulkWriteOptions { IsOrdered = true }, cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<ConversationTurn>> GetConversationAsync(string botId, string conversationId, CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        var turns = await documents.Turns.Find(MongoFilters.TurnsOf(botId, conversationId)).Sort(MongoFilters.TurnOrder).ToListAsync(cancellationToken);
        return turns.Select(t => t.ToTurn()).ToList();
    }

    public async IAsyncEnumerable<ConversationTurn> ReadTurnsAsync(string botId, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        using var cursor = await documents.Turns.Find(MongoFilters.TurnsBetween(botId, from, to)).Sort(MongoFilters.TurnOrder).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
            foreach (var turn in cursor.Current)
                yield return turn.ToTurn();
    }

    /// <summary>
    /// Removes the turns; the conversation summaries keep their counts (they describe what was said, not what is kept),
    /// and a conversation whose every turn is gone lists with no turns to read.
    /// </summary>
    public async Task<long> DeleteTurnsAsync(string botId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        var result = await documents.Turns.DeleteManyAsync(MongoFilters.TurnsBetween(botId, from, to), cancellationToken);
        return result.DeletedCount;
    }

    public async Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync(string botId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await documents.ReadyAsync(cancellationToken);
        var conversations = await documents.Conversations.Find(MongoFilters.ConversationsOf(botId)).Sort(MongoFilters.MostRecentFirst)
            .Limit(limit).ToListAsync(cancellationToken);
        return conversations.Select(c => c.ToSummary()).ToList();
    }
}
