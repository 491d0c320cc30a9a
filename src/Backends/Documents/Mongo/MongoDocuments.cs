using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>The MongoDB collections of the document stores, with their indexes created once before first use.</summary>
public sealed class MongoDocuments
{
    private readonly Lazy<Task> _indexes;

    public MongoDocuments(IMongoClient client, IOptions<DocumentsOptions> options)
    {
        var settings = options.Value.MongoDb;
        var database = client.GetDatabase(settings.Database);
        Bots = database.GetCollection<BotDocument>("bots");
        Intents = database.GetCollection<BotPartDocument>("intents");
        Entities = database.GetCollection<BotPartDocument>("entities");
        Dialogues = database.GetCollection<BotPartDocument>("dialogues");
        Turns = database.GetCollection<TurnDocument>("turns");
        Conversations = database.GetCollection<ConversationDocument>("conversations");
        AnalyticsEvents = database.GetCollection<AnalyticsEventDocument>("analytics_events");
        _indexes = new Lazy<Task>(CreateIndexesAsync);
    }

    public IMongoCollection<BotDocument> Bots { get; }

    public IMongoCollection<BotPartDocument> Intents { get; }

    public IMongoCollection<BotPartDocument> Entities { get; }

    /// <summary>At most one part per bot (key <c>dialogue</c>): its rules, stories, forms and responses.</summary>
    public IMongoCollection<BotPartDocument> Dialogues { get; }

    public IMongoCollection<TurnDocument> Turns { get; }

    public IMongoCollection<ConversationDocument> Conversations { get; }

    public IMongoCollection<AnalyticsEventDocument> AnalyticsEvents { get; }

    /// <summary>Completes when every index exists; creating an existing index is a no-op, so this runs on every start.</summary>
    public Task ReadyAsync(CancellationToken cancellationToken) => _indexes.Value.WaitAsync(cancellationToken);

    private async Task CreateIndexesAsync()
    {
        await Intents.Indexes.CreateManyAsync(MongoIndexes.BotParts);
        await Entities.Indexes.CreateManyAsync(MongoIndexes.BotParts);
        await Dialogues.Indexes.CreateManyAsync(MongoIndexes.BotParts);
        await Turns.Indexes.CreateManyAsync(MongoIndexes.Turns);
        await Conversations.Indexes.CreateManyAsync(MongoIndexes.Conversations);
        await AnalyticsEvents.Indexes.CreateManyAsync(MongoIndexes.AnalyticsEvents);
    }
}
