using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Backends.Objects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatbotPipeline.Backends;

/// <summary>Registers the document store, cache and object store that configuration chooses.</summary>
public static class BackendsExtensions
{
    public static IHostApplicationBuilder AddBackends(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DocumentsOptions>().BindConfiguration(DocumentsOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Sqlite.Path), "Documents:Sqlite:Path must name a file.")
            .ValidateOnStart();
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section)
            .Validate(o => o.Memory.MaxEntries is >= 1_000 and <= 100_000_000, "Cache:Memory:MaxEntries must be between 1000 and 100000000.")
            .ValidateOnStart();
        services.AddOptions<ObjectsOptions>().BindConfiguration(ObjectsOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.FileSystem.Path), "Objects:FileSystem:Path must name a folder.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IBotStore, SqliteBotStore>();
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<IAnalyticsStore, SqliteAnalyticsStore>();
        services.AddSingleton<ICacheStore, MemoryCacheStore>();
        services.AddSingleton<IObjectStore, FileSystemObjectStore>();
        services.AddSingleton<ModelRepository>();
        return builder;
    }
}
