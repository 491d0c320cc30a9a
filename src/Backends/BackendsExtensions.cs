using System.Diagnostics.Metrics;
using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Documents.Mongo;
using ChatbotPipeline.Backends.Exports;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Backends.Objects;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using OpenTelemetry.Trace;

namespace ChatbotPipeline.Backends;

/// <summary>Registers the document store, cache and object store that configuration chooses.</summary>
public static class BackendsExtensions
{
    /// <summary>
    /// The tag that puts a health check behind <c>/health/ready</c> (ServiceDefaults' <c>ReadyTag</c>, the same word:
    /// this library does not reference the hosts' wiring).
    /// </summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddBackends(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<ModelRepository>();
        services.AddSingleton<TrainingHistory>();
        services.AddSingleton<TrainingFailures>();
        services.AddSingleton<ExportRecords>();
        services.AddSingleton<ConversationExporter>();
        services.AddSingleton<ConversationRetention>();
        services.AddSingleton<TopIntents>();
        AddDocuments(builder);
        AddCache(builder);
        AddObjects(builder);
        services.AddHostedService<BackendsReport>();
        return builder;
    }

    private static void AddDocuments(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DocumentsOptions>().BindConfiguration(DocumentsOptions.Section)
            .Validate(o => o.Provider != DocumentsProvider.Sqlite || !string.IsNullOrWhiteSpace(o.Sqlite.Path), "Documents:Sqlite:Path must name a file.")
            .Validate(o => o.Provider != DocumentsProvider.MongoDb || MongoConnection.IsValid(o.MongoDb.ConnectionString),
                "Documents:MongoDb:ConnectionString must be a mongodb:// or mongodb+srv:// connection string.")
            .Validate(o => o.Provider != DocumentsProvider.MongoDb || !string.IsNullOrWhiteSpace(o.MongoDb.Database), "Documents:MongoDb:Database must name a database.")
            .ValidateOnStart();
        var services = builder.Services;
        switch (Read<DocumentsOptions>(builder, DocumentsOptions.Section).Provider)
        {
            case DocumentsProvider.MongoDb:
                services.AddSingleton<IMongoClient>(provider => MongoConnection.Connect(provider.GetRequiredService<IOptions<DocumentsOptions>>().Value.MongoDb));
                services.AddSingleton<MongoDocuments>();
                services.AddSingleton<IBotStore, MongoBotStore>();
                services.AddSingleton<IConversationStore, MongoConversationStore>();
                services.AddSingleton<IAnalyticsStore, MongoAnalyticsStore>();
                services.AddHostedService<MongoIndexesAtStart>();
                break;
            default:
                services.AddSingleton<SqliteDatabase>();
                services.AddSingleton<IBotStore, SqliteBotStore>();
                services.AddSingleton<IConversationStore, SqliteConversationStore>();
                services.AddSingleton<IAnalyticsStore, SqliteAnalyticsStore>();
                break;
        }
    }

    private static void AddCache(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section)
            .Validate(o => o.Memory.MaxEntries is >= 1_000 and <= 100_000_000, "Cache:Memory:MaxEntries must be between 1000 and 100000000.")
            .Validate(o => o.Provider != CacheProvider.Redis || !string.IsNullOrWhiteSpace(o.Redis.Configuration), "Cache:Redis:Configuration must name the Redis server.")
            .ValidateOnStart();
        services.AddSingleton<CacheMetrics>();
        services.AddSingleton<ConversationSequences>();
        switch (Read<CacheOptions>(builder, CacheOptions.Section).Provider)
        {
            case CacheProvider.Redis:
                services.AddSingleton(provider => RedisConnection.Connect(provider.GetRequiredService<IOptions<CacheOptions>>().Value.Redis));
                services.AddSingleton<ICacheStore, RedisCacheStore>();
                services.AddSingleton<RedisReadiness>();
                services.AddHostedService(provider => provider.GetRequiredService<RedisReadiness>());
                services.AddHealthChecks().AddCheck<RedisReadiness>("redis", tags: [ReadyTag]);
                // Redis commands as spans in a message's trace, when the host traces (ServiceDefaults' AddTracing).
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddRedisInstrumentation());
                break;
            default:
                services.AddSingleton<ICacheStore, MemoryCacheStore>();
                break;
        }
    }

    private static void AddObjects(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ObjectsOptions>().BindConfiguration(ObjectsOptions.Section)
            .Validate(o => o.Provider != ObjectsProvider.FileSystem || !string.IsNullOrWhiteSpace(o.FileSystem.Path), "Objects:FileSystem:Path must name a folder.")
            .Validate(o => o.Provider != ObjectsProvider.S3 || !string.IsNullOrWhiteSpace(o.S3.Bucket), "Objects:S3:Bucket must name a bucket.")
            .Validate(o => o.Provider != ObjectsProvider.S3 || o.S3.PartSizeMiB is >= 5 and <= 5120, "Objects:S3:PartSizeMiB must be between 5 and 5120.")
            .Validate(o => o.Provider != ObjectsProvider.S3 || string.IsNullOrEmpty(o.S3.ServiceUrl) || Uri.IsWellFormedUriString(o.S3.ServiceUrl, UriKind.Absolute),
                "Objects:S3:ServiceUrl must be an absolute URL or empty.")
            .ValidateOnStart();
        switch (Read<ObjectsOptions>(builder, ObjectsOptions.Section).Provider)
        {
            case ObjectsProvider.S3:
                services.AddSingleton(provider => S3ClientFactory.Create(provider.GetRequiredService<IOptions<ObjectsOptions>>().Value.S3));
                services.AddSingleton<S3ObjectStore>();
                services.AddSingleton<IObjectStore>(provider => new MeteredObjectStore(provider.GetRequiredService<S3ObjectStore>(), provider.GetRequiredService<IMeterFactory>()));
                break;
            default:
                services.AddSingleton<FileSystemObjectStore>();
                services.AddSingleton<IObjectStore>(provider => new MeteredObjectStore(provider.GetRequiredService<FileSystemObjectStore>(), provider.GetRequiredService<IMeterFactory>()));
                break;
        }
    }

    /// <summary>The provider choice is needed while registering, before options exist; a bad value fails here naming its key.</summary>
    private static T Read<T>(IHostApplicationBuilder builder, string section) where T : new() =>
        builder.Configuration.GetSection(section).Get<T>() ?? new T();
}
