using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Tests.Documents.Mongo;

/// <summary>Renders filters, sorts, updates, index keys and pipelines to the BSON the driver would send.</summary>
internal static class MongoRendering
{
    public static BsonDocument Render<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    public static BsonDocument Render<T>(SortDefinition<T> sort) => sort.Render(Args<T>());

    public static BsonDocument Render<T>(IndexKeysDefinition<T> keys) => keys.Render(Args<T>());

    public static BsonDocument Render<T>(UpdateDefinition<T> update) => update.Render(Args<T>()).AsBsonDocument;

    public static IReadOnlyList<BsonDocument> Render<TIn, TOut>(PipelineDefinition<TIn, TOut> pipeline) => pipeline.Render(Args<TIn>()).Documents.ToList();

    private static RenderArgs<T> Args<T>() => new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);
}
