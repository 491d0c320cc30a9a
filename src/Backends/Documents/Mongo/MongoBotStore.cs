using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Dialogue.Stories;
using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>
/// Bots in MongoDB: a document per bot and one per intent and entity type. Without multi-document transactions
/// (they need a replica set) a change is applied first and the revision raised after it, so a reader that saw a
/// mixed state holds an older revision and reloads on its next revision check rather than caching it for good.
/// </summary>
public sealed class MongoBotStore(MongoDocuments documents) : IBotStore
{
    private const string DialogueKey = "dialogue";
    private static readonly FilterDefinitionBuilder<BotDocument> BotFilter = Builders<BotDocument>.Filter;

    public async Task<IReadOnlyList<Bot>> ListBotsAsync(CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        var bots = await documents.Bots.Find(BotFilter.Empty).SortBy(b => b.Id).ToListAsync(cancellationToken);
        return bots.Select(b => BsonJson.FromBson<Bot>(b.Settings)).ToList();
    }

    public async Task<Bot?> GetBotAsync(string botId, CancellationToken cancellationToken = default)
    {
        var bot = await FindBotAsync(botId, cancellationToken);
        return bot is null ? null : BsonJson.FromBson<Bot>(bot.Settings);
    }

    public async Task<bool> CreateBotAsync(Bot bot, CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        try
        {
            await documents.Bots.InsertOneAsync(new BotDocument { Id = bot.Id, Settings = BsonJson.ToBson(bot), Revision = BotRevisions.First() }, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<bool> UpdateBotAsync(Bot bot, CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        var result = await documents.Bots.UpdateOneAsync(BotById(bot.Id),
            Builders<BotDocument>.Update.Set(b => b.Settings, BsonJson.ToBson(bot)).Inc(b => b.Revision, 1), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<bool> DeleteBotAsync(string botId, CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        var deleted = await documents.Bots.DeleteOneAsync(BotById(botId), cancellationToken);
        // The parts go after the bot: a bot is never visible without them, and a crash in between leaves parts that
        // a recreated bot's first import or save replaces.
        await documents.Intents.DeleteManyAsync(MongoFilters.PartsOf(botId), cancellationToken);
        await documents.Entities.DeleteManyAsync(MongoFilters.PartsOf(botId), cancellationToken);
        await documents.Dialogues.DeleteManyAsync(MongoFilters.PartsOf(botId), cancellationToken);
        return deleted.DeletedCount == 1;
    }

    public Task<IReadOnlyList<Intent>> ListIntentsAsync(string botId, CancellationToken cancellationToken = default) =>
        ListPartsAsync<Intent>(documents.Intents, botId, cancellationToken);

    public Task<bool> SaveIntentAsync(string botId, Intent intent, CancellationToken cancellationToken = default) =>
        SavePartAsync(documents.Intents, botId, intent.IntentId, BsonJson.ToBson(intent), cancellationToken);

    public Task<bool> DeleteIntentAsync(string botId, string intentId, CancellationToken cancellationToken = default) =>
        DeletePartAsync(documents.Intents, botId, intentId, cancellationToken);

    public Task<IReadOnlyList<EntityType>> ListEntitiesAsync(string botId, CancellationToken cancellationToken = default) =>
        ListPartsAsync<EntityType>(documents.Entities, botId, cancellationToken);

    public Task<bool> SaveEntityAsync(string botId, EntityType entity, CancellationToken cancellationToken = default) =>
        SavePartAsync(documents.Entities, botId, entity.Name, BsonJson.ToBson(entity), cancellationToken);

    public Task<bool> DeleteEntityAsync(string botId, string name, CancellationToken cancellationToken = default) =>
        DeletePartAsync(documents.Entities, botId, name, cancellationToken);

    public async Task<bool> ReplaceContentsAsync(string botId, IReadOnlyList<Intent> intents, IReadOnlyList<EntityType> entities, CancellationToken cancellationToken = default)
    {
        var sequence = await ReserveSequenceAsync(botId, intents.Count + entities.Count, cancellationToken);
        if (sequence is null)
            return false;
        var next = sequence.Value;
        await ReplacePartsAsync(documents.Intents, botId, intents.Select(i => Part(botId, i.IntentId, next++, BsonJson.ToBson(i))).ToList(), cancellationToken);
        await ReplacePartsAsync(documents.Entities, botId, entities.Select(e => Part(botId, e.Name, next++, BsonJson.ToBson(e))).ToList(), cancellationToken);
        await RaiseRevisionAsync(botId, cancellationToken);
        return true;
    }

    public async Task<bool> SaveDialogueAsync(string botId, BotDialogue? dialogue, CancellationToken cancellationToken = default)
    {
        if (dialogue is not null)
            return await SavePartAsync(documents.Dialogues, botId, DialogueKey, BsonJson.ToBson(dialogue), cancellationToken);
        if (await FindBotAsync(botId, cancellationToken) is null)
            return false;
        await documents.Dialogues.DeleteOneAsync(MongoFilters.Part(botId, DialogueKey), cancellationToken);
        await RaiseRevisionAsync(botId, cancellationToken);
        return true;
    }

    public async Task<long?> GetRevisionAsync(string botId, CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        var revision = await documents.Bots.Find(BotById(botId)).Project(b => (long?)b.Revision).FirstOrDefaultAsync(cancellationToken);
        return revision;
    }

    public async Task<BotDefinition?> GetDefinitionAsync(string botId, CancellationToken cancellationToken = default)
    {
        // The revision is read before the parts: see the class remarks for why that order keeps caches honest.
        var bot = await FindBotAsync(botId, cancellationToken);
        if (bot is null)
            return null;
        var intents = await ListPartsAsync<Intent>(documents.Intents, botId, cancellationToken);
        var entities = await ListPartsAsync<EntityType>(documents.Entities, botId, cancellationToken);
        var dialogue = (await ListPartsAsync<BotDialogue>(documents.Dialogues, botId, cancellationToken)).FirstOrDefault();
        return new BotDefinition(BsonJson.FromBson<Bot>(bot.Settings), intents, entities, bot.Revision, dialogue);
    }

    private async Task<BotDocument?> FindBotAsync(string botId, CancellationToken cancellationToken)
    {
        await documents.ReadyAsync(cancellationToken);
        return await documents.Bots.Find(BotById(botId)).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> ListPartsAsync<T>(IMongoCollection<BotPartDocument> parts, string botId, CancellationToken cancellationToken)
    {
        await documents.ReadyAsync(cancellationToken);
        var found = await parts.Find(MongoFilters.PartsOf(botId)).Sort(MongoFilters.PartOrder).ToListAsync(cancellationToken);
        return found.Select(p => BsonJson.FromBson<T>(p.Body)).ToList();
    }

    private async Task<bool> SavePartAsync(IMongoCollection<BotPartDocument> parts, string botId, string key, MongoDB.Bson.BsonDocument body, CancellationToken cancellationToken)
    {
        var sequence = await ReserveSequenceAsync(botId, 1, cancellationToken);
        if (sequence is null)
            return false;
        await parts.UpdateOneAsync(MongoFilters.Part(botId, key), MongoFilters.SavePart(body, sequence.Value),
            new UpdateOptions { IsUpsert = true }, cancellationToken);
        await RaiseRevisionAsync(botId, cancellationToken);
        return true;
    }

    private async Task<bool> DeletePartAsync(IMongoCollection<BotPartDocument> parts, string botId, string key, CancellationToken cancellationToken)
    {
        await documents.ReadyAsync(cancellationToken);
        var deleted = await parts.DeleteOneAsync(MongoFilters.Part(botId, key), cancellationToken);
        if (deleted.DeletedCount == 0)
            return false;
        await RaiseRevisionAsync(botId, cancellationToken);
        return true;
    }

    private static async Task ReplacePartsAsync(IMongoCollection<BotPartDocument> parts, string botId, List<BotPartDocument> replacement, CancellationToken cancellationToken)
    {
        await parts.DeleteManyAsync(MongoFilters.PartsOf(botId), cancellationToken);
        if (replacement.Count > 0)
            await parts.InsertManyAsync(replacement, cancellationToken: cancellationToken);
    }

    /// <summary>Takes <paramref name="count"/> positions of the bot's sequence; null when the bot does not exist.</summary>
    private async Task<long?> ReserveSequenceAsync(string botId, int count, CancellationToken cancellationToken)
    {
        await documents.ReadyAsync(cancellationToken);
        var bot = await documents.Bots.FindOneAndUpdateAsync(BotById(botId), Builders<BotDocument>.Update.Inc(b => b.NextSequence, count),
            new FindOneAndUpdateOptions<BotDocument> { ReturnDocument = ReturnDocument.Before }, cancellationToken);
        return bot?.NextSequence;
    }

    private Task RaiseRevisionAsync(string botId, CancellationToken cancellationToken) =>
        documents.Bots.UpdateOneAsync(BotById(botId), Builders<BotDocument>.Update.Inc(b => b.Revision, 1), cancellationToken: cancellationToken);

    private static BotPartDocument Part(string botId, string key, long sequence, MongoDB.Bson.BsonDocument body) =>
        new() { Id = MongoDB.Bson.ObjectId.GenerateNewId(), BotId = botId, Key = key, Sequence = sequence, Body = body };

    private static FilterDefinition<BotDocument> BotById(string botId) => BotFilter.Eq(b => b.Id, botId);
}
