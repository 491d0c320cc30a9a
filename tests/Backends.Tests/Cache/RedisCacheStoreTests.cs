using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatbotPipeline.Backends.Tests.Cache;

public sealed class RedisCacheStoreTests : CacheStoreContract, IDisposable
{
    private IConnectionMultiplexer? _redis;
    private RedisCacheStore? _store;

    protected override ICacheStore Store => _store ??= Create(TestServices.Require(TestServices.Redis, "REDIS_CONFIGURATION"));

    protected override Task LetTimePassAsync(TimeSpan time) => Task.Delay(time);

    private RedisCacheStore Create(string configuration)
    {
        var options = new CacheOptions { Redis = new RedisCacheOptions { Configuration = configuration, KeyPrefix = $"test:{Guid.NewGuid():N}:" } };
        _redis = RedisConnection.Connect(options.Redis);
        return new RedisCacheStore(_redis, Options.Create(options), new CacheMetrics(new TestMeterFactory()), NullLogger<RedisCacheStore>.Instance);
    }

    [Fact]
    public async Task Without_redis_reads_miss_writes_drop_and_duplicate_checks_let_messages_through()
    {
        // Nothing listens on port 1: the store must answer at once, not fail.
        var store = Create("127.0.0.1:1,connectTimeout=200");

        await store.SetAsync("k", "v", TimeSpan.FromMinutes(1));

        Assert.Null(await store.GetAsync("k"));
        Assert.True(await store.TryAddAsync("k", "v", TimeSpan.FromMinutes(1)));
        Assert.Equal(0, await store.IncrementAsync("n", TimeSpan.FromMinutes(1)));
        await store.RemoveAsync("k");
    }

    public void Dispose() => _redis?.Dispose();
}
