using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Dialogue.Stories;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChatbotPipeline.Backends.Documents;

/// <summary>Bots, intents, entity types and dialogues as JSON documents in SQLite.</summary>
public sealed class SqliteBotStore(SqliteDatabase database) : IBotStore
{
    public async Task<IReadOnlyList<Bot>> ListBotsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>("SELECT json FROM bots ORDER BY id");
        return rows.Select(DocumentJson.Deserialize<Bot>).ToList();
    }

    public async Task<Bot?> GetBotAsync(string botId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>("SELECT json FROM bots WHERE id = @botId", new { botId });
        return json is null ? null : DocumentJson.Deserialize<Bot>(json);
    }

    public Task<bool> CreateBotAsync(Bot bot, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async connection => await connection.ExecuteAsync("INSERT OR IGNORE INTO bots (id, json, revision) VALUES (@Id, @Json, @Revision)",
            new { bot.Id, Json = DocumentJson.Serialize(bot), Revision = BotRevisions.First() }) == 1, cancellationToken);

    public Task<bool> UpdateBotAsync(Bot bot, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async connection => await connection.ExecuteAsync("UPDATE bots SET json = @Json, revision = revision + 1 WHERE id = @Id",
            new { bot.Id, Json = DocumentJson.Serialize(bot) }) == 1, cancellationToken);

    public Task<bool> DeleteBotAsync(string botId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async connection => await connection.ExecuteAsync("DELETE FROM bots WHERE id = @botId", new { botId }) == 1, cancellationToken);

    public Task<IReadOnlyList<Intent>> ListIntentsAsync(string botId, CancellationToken cancellationToken = default) =>
        ListAsync<Intent>("intents", botId, cancellationToken);

    public Task<bool> SaveIntentAsync(string botId, Intent intent, CancellationToken cancellationToken = default) =>
        ChangeAsync(botId, cancellationToken, (connection, transaction) => UpsertIntent(connection, transaction, botId, intent));

    public Task<bool> DeleteIntentAsync(string botId, string intentId, CancellationToken cancellationToken = default) =>
        ChangeAsync(botId, cancellationToken, async (connection, transaction) => await connection.ExecuteAsync(
            "DELETE FROM intents WHERE bot_id = @botId AND intent_id = @intentId", new { botId, intentId }, transaction) == 1);

    public Task<IReadOnlyList<EntityType>> ListEntitiesAsync(string botId, CancellationToken cancellationToken = default) =>
        ListAsync<EntityType>("entities", botId, cancellationToken);

    public Task<bool> SaveEntityAsync(string botId, EntityType entity, CancellationToken cancellationToken = default) =>
        ChangeAsync(botId, cancellationToken, (connection, transaction) => UpsertEntity(connection, transaction, botId, entity));

    public Task<bool> DeleteEntityAsync(string botId, string name, CancellationToken cancellationToken = default) =>
        ChangeAsync(botId, cancellationToken, async (connection, transaction) => await connection.ExecuteAsync(
            "DELETE FROM entities WHERE bot_id = @botId AND name = @name", new { botId, name }, transaction) == 1);

    public Task<bool> ReplaceContentsAsync(string botId, IReadOnlyList<Intent> intents, IReadOnlyList<EntityType> entities, CancellationToken cancellationToken = default) =>
        ChangeAsync(botId, cancellationToken, async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM intents WHERE bot_id = @botId; DELETE FROM entities WHERE bot_id = @botId", new { botId }, transaction);
            foreach (var intent in intents)
                await UpsertIntent(connection, transaction, botId, intent);
            foreach (var entity in entities)
                await UpsertEntity(connection, transaction, botId, entity);
            return true;
        });

    public Task<bool> SaveDialogueAsync(string botId, BotDialogue? dialogue, CancellationToken cancellationToken = default) =>
        ChangeAsync(botId, cancellationToken, async (connection, transaction) =>
        {
            await connection.ExecuteAsync(dialogue is null
                    ? "DELETE FROM dialogues WHERE bot_id = @botId"
                    : "INSERT INTO dialogues (bot_id, json) VALUES (@botId, @json) ON CONFLICT (bot_id) DO UPDATE SET json = excluded.json",
                new { botId, json = dialogue is null ? null : DocumentJson.Serialize(dialogue) }, transaction);
            return true;
        });

    public async Task<long?> GetRevisionAsync(string botId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>("SELECT revision FROM bots WHERE id = @botId", new { botId });
    }

    public async Task<BotDefinition?> GetDefinitionAsync(string botId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // A deferred transaction reads one snapshot without taking the write lock (the default, IMMEDIATE, would).
        await using var transaction = connection.BeginTransaction(deferred: true);
        var bot = await connection.QuerySingleOrDefaultAsync<BotRow>(
            "SELECT json AS Json, revision AS Revision FROM bots WHERE id = @botId", new { botId }, transaction);
        if (bot is null)
            return null;
        var intents = await connection.QueryAsync<string>("SELECT json FROM intents WHERE bot_id = @botId ORDER BY rowid", new { botId }, transaction);
        var entities = await connection.QueryAsync<string>("SELECT json FROM entities WHERE bot_id = @botId ORDER BY rowid", new { botId }, transaction);
        var dialogue = await connection.QuerySingleOrDefaultAsync<string>("SELECT json FROM dialogues WHERE bot_id = @botId", new { botId }, transaction);
        return new BotDefinition(DocumentJson.Deserialize<Bot>(bot.Json),
            intents.Select(DocumentJson.Deserialize<Intent>).ToList(),
            entities.Select(DocumentJson.Deserialize<EntityType>).ToList(),
            bot.Revision,
            dialogue is null ? null : DocumentJson.Deserialize<BotDialogue>(dialogue));
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string table, string botId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>($"SELECT json FROM {table} WHERE bot_id = @botId ORDER BY rowid", new { botId });
        return rows.Select(DocumentJson.Deserialize<T>).ToList();
    }

    /// <summary>Runs a change to a bot's contents in one transaction that also raises its revision.</summary>
    private Task<bool> ChangeAsync(string botId, CancellationToken cancellationToken, Func<SqliteConnection, SqliteTransaction, Task<bool>> change) =>
        database.WriteAsync(async connection =>
        {
            await using var transaction = connection.BeginTransaction();
            var exists = await connection.ExecuteAsync("UPDATE bots SET revision = revision + 1 WHERE id = @botId", new { botId }, transaction) == 1;
            if (!exists || !await change(connection, transaction))
                return false;
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    private static async Task<bool> UpsertIntent(SqliteConnection connection, SqliteTransaction transaction, string botId, Intent intent) =>
        await connection.ExecuteAsync(
            "INSERT INTO intents (bot_id, intent_id, json) VALUES (@botId, @IntentId, @Json) ON CONFLICT DO UPDATE SET json = excluded.json",
            new { botId, intent.IntentId, Json = DocumentJson.Serialize(intent) }, transaction) == 1;

    private static async Task<bool> UpsertEntity(SqliteConnection connection, SqliteTransaction transaction, string botId, EntityType entity) =>
        await connection.ExecuteAsync(
            "INSERT INTO entities (bot_id, name, json) VALUES (@botId, @Name, @Json) ON CONFLICT DO UPDATE SET json = excluded.json",
            new { botId, entity.Name, Json = DocumentJson.Serialize(entity) }, transaction) == 1;

    private sealed record BotRow(string Json, long Revision);
}
