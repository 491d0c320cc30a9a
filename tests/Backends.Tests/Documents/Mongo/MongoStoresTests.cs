using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Documents.Mongo;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Tests.Documents.Mongo;

/// <summary>A throwaway database on the server <c>MONGODB_URI</c> names, dropped after the test; skipped when it is not set.</summary>
public sealed class MongoFixture : IDisposable
{
    private readonly string _database = $"chatbot_test_{Guid.NewGuid():N}";
    private IMongoClient? _client;
    private MongoDocuments? _documents;

    public MongoDocuments Documents => _documents ??= Create();

    private MongoDocuments Create()
    {
        var options = new DocumentsOptions
        {
            Provider = DocumentsProvider.MongoDb,
            MongoDb = new MongoDocumentsOptions { ConnectionString = TestServices.Require(TestServices.MongoUri, "MONGODB_URI"), Database = _database },
        };
        _client = MongoConnection.Connect(options.MongoDb);
        return new MongoDocuments(_client, Options.Create(options));
    }

    public void Dispose()
    {
        _client?.DropDatabase(_database);
        _client?.Dispose();
    }
}

public sealed class MongoBotStoreTests : BotStoreContract, IDisposable
{
    private readonly MongoFixture _mongo = new();

    protected override IBotStore Store => new MongoBotStore(_mongo.Documents);

    public void Dispose() => _mongo.Dispose();
}

public sealed class MongoConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly MongoFixture _mongo = new();

    protected override IConversationStore Store => new MongoConversationStore(_mongo.Documents);

    public void Dispose() => _mongo.Dispose();
}

public sealed class MongoAnalyticsStoreTests : AnalyticsStoreContract, IDisposable
{
    private readonly MongoFixture _mongo = new();

    protected override IAnalyticsStore Store => new MongoAnalyticsStore(_mongo.Documents);

    public void Dispose() => _mongo.Dispose();
}
