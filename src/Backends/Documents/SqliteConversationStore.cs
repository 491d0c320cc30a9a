using System.Runtime.CompilerServices;
using Dapper;

namespace ChatbotPipeline.Backends.Documents;

/// <summary>Conversation turns in SQLite, one row per message id.</summary>
public sealed class SqliteConversationStore(SqliteDatabase database) : IConversationStore
{
    public Task<IReadOnlyList<ConversationTurn>> AppendAllAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken = default) =>
        database.WriteInTransactionAsync<IReadOnlyList<ConversationTurn>>(async (connection, transaction) =>
        {
            var stored = new List<ConversationTurn>(turns.Count);
            foreach (var turn in turns)
            {
                var row = new { turn.MessageId, turn.BotId, turn.ConversationId, ReceivedAt = turn.ReceivedAt.ToUnixTimeMilliseconds(), Json = DocumentJson.Serialize(turn) };
                if (await connection.ExecuteAsync(
                        """
                        INSERT OR IGNORE INTO turns (message_id, bot_id, conversation_id, received_at, json)
                        VALUES (@MessageId, @BotId, @ConversationId, @ReceivedAt, @Json)
                        """, row, transaction) == 1)
                    stored.Add(turn);
            }
            return stored;
        }, cancellationToken);

    public async Task<IReadOnlyList<ConversationTurn>> GetConversationAsync(string botId, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(
            "SELECT json FROM turns WHERE bot_id = @botId AND conversation_id = @conversationId ORDER BY received_at, rowid",
            new { botId, conversationId });
        return rows.Select(DocumentJson.Deserialize<ConversationTurn>).ToList();
    }

    public async IAsyncEnumerable<ConversationTurn> ReadTurnsAsync(string botId, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<string>(
            "SELECT json FROM turns WHERE bot_id = @botId AND received_at >= @from AND received_at < @to ORDER BY received_at, message_id",
            new { botId, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() });
        await foreach (var json in rows.WithCancellation(cancellationToken))
            yield return DocumentJson.Deserialize<ConversationTurn>(json);
    }

    public Task<long> DeleteTurnsAsync(string botId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async connection => (long)await connection.ExecuteAsync(
            "DELETE FROM turns WHERE bot_id = @botId AND received_at >= @from AND received_at < @to",
            new { botId, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() }), cancellationToken);

    public async Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync(string botId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken);
        // With a single MAX() aggregate SQLite takes the bare column (json) from the row holding that maximum: the latest turn.
        var rows = await connection.QueryAsync<SummaryRow>(
            """
            SELECT MIN(received_at) AS StartedAt, MAX(received_at) AS LastMessageAt, COUNT(*) AS Turns, json AS LatestJson
            FROM turns WHERE bot_id = @botId GROUP BY conversation_id ORDER BY LastMessageAt DESC, conversation_id LIMIT @limit
            """,
            new { botId, limit });
        return rows.Select(ToSummary).ToList();
    }

    private static ConversationSummary ToSummary(SummaryRow row)
    {
        var latest = DocumentJson.Deserialize<ConversationTurn>(row.LatestJson);
        return new ConversationSummary(latest.BotId, latest.ConversationId, latest.Channel, latest.SenderId,
            DateTimeOffset.FromUnixTimeMilliseconds(row.StartedAt), DateTimeOffset.FromUnixTimeMilliseconds(row.LastMessageAt),
            row.Turns, latest.Intent, latest.DialogueState);
    }

    // Settable properties, not a constructor: aggregate columns carry no declared type for Dapper to match a constructor on.
    private sealed class SummaryRow
    {
        public long StartedAt { get; init; }

        public long LastMessageAt { get; init; }

        public long Turns { get; init; }

        public string LatestJson { get; init; } = "";
    }
}
