using Dapper;

namespace ChatbotPipeline.Backends.Documents;

/// <summary>Conversation turns in SQLite, one row per message id.</summary>
public sealed class SqliteConversationStore(SqliteDatabase database) : IConversationStore
{
    public async Task<bool> AppendAsync(ConversationTurn turn, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            INSERT OR IGNORE INTO turns (message_id, bot_id, conversation_id, received_at, json)
            VALUES (@MessageId, @BotId, @ConversationId, @ReceivedAt, @Json)
            """,
            new { turn.MessageId, turn.BotId, turn.ConversationId, ReceivedAt = turn.ReceivedAt.ToUnixTimeMilliseconds(), Json = DocumentJson.Serialize(turn) }) == 1;
    }

    public async Task<IReadOnlyList<ConversationTurn>> GetConversationAsync(string botId, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(
            "SELECT json FROM turns WHERE bot_id = @botId AND conversation_id = @conversationId ORDER BY received_at, rowid",
            new { botId, conversationId });
        return rows.Select(DocumentJson.Deserialize<ConversationTurn>).ToList();
    }
}
