using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Objects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends.Tests;

/// <summary>At start each host says, one line per backend, which provider it uses and where — a default said as a default.</summary>
public sealed class BackendsReportTests
{
    [Fact]
    public async Task A_redis_cache_without_its_configuration_says_it_connects_to_the_default()
    {
        var logger = new Lines();
        var report = new BackendsReport(
            Options.Create(new DocumentsOptions { Provider = DocumentsProvider.MongoDb, MongoDb = { ConnectionString = "mongodb://admin:s3cret@db:27017", Database = "bots" } }),
            Options.Create(new CacheOptions { Provider = CacheProvider.Redis }),
            Options.Create(new ObjectsOptions { Provider = ObjectsProvider.S3, S3 = { Bucket = "models", Region = "eu-west-1" } }),
            logger);

        await report.StartAsync(CancellationToken.None);

        Assert.Equal(3, logger.Written.Count);
        Assert.Contains("Cache: Redis — localhost:6379 (the default: Cache:Redis:Configuration is not set)", logger.Written);
        Assert.Contains("Objects: S3 — bucket models at AWS eu-west-1", logger.Written);
        var documents = Assert.Single(logger.Written, line => line.StartsWith("Documents: MongoDb", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cret", documents);
    }

    private sealed class Lines : ILogger<BackendsReport>
    {
        public List<string> Written { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add(formatter(state, exception));
    }
}
