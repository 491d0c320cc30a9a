using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Objects;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends;

/// <summary>
/// Says at start, one line per backend, which provider a host uses and where it points — so a provider chosen without
/// its connection setting (Cache:Provider=redis alone) says which default it connects to instead of using it silently.
/// Secrets in connection strings are not printed: MongoDB's and Redis's passwords are cut.
/// </summary>
public sealed partial class BackendsReport(IOptions<DocumentsOptions> documents, IOptions<CacheOptions> cache, IOptions<ObjectsOptions> objects,
    ILogger<BackendsReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var d = documents.Value;
        LogBackend("Documents", d.Provider.ToString(), d.Provider == DocumentsProvider.MongoDb
            ? $"{WithoutSecrets(d.MongoDb.ConnectionString)}, database {d.MongoDb.Database}"
            : Path.GetFullPath(d.Sqlite.Path));
        var c = cache.Value;
        LogBackend("Cache", c.Provider.ToString(), c.Provider == CacheProvider.Redis
            ? $"{WithoutSecrets(c.Redis.Configuration)}{(c.Redis.Configuration == new RedisCacheOptions().Configuration ? " (the default: Cache:Redis:Configuration is not set)" : "")}"
            : "in this process");
        var o = objects.Value;
        LogBackend("Objects", o.Provider.ToString(), o.Provider == ObjectsProvider.S3
            ? $"bucket {o.S3.Bucket} at {(string.IsNullOrEmpty(o.S3.ServiceUrl) ? $"AWS {o.S3.Region}" : o.S3.ServiceUrl)}"
            : Path.GetFullPath(o.FileSystem.Path));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string WithoutSecrets(string connection) =>
        System.Text.RegularExpressions.Regex.Replace(connection, @"(//[^:/@]+:)[^@]+@|(password=)[^,;]+", "$1$2***@", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Replace("=***@", "=***", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Concern}: {Provider} — {Where}")]
    private partial void LogBackend(string concern, string provider, string where);
}
