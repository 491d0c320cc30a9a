using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatbotPipeline.Backends.Tests.Cache;

public sealed class RedisCacheStoreTests : CacheStoreContract, IDisposable
{
    private IConnectionMultiplexer? _redis;
    private ICacheStore? _store;

    protected override ICacheStore Store => _store ??= Create(TestServices.Require(TestServices.Redis, "REDIS_CONFIGURATION"));

    protected override Task LetTimePassAsync(TimeSpan time) => Task.Delay(time);

    private ICacheStore Create(string configuration)
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

    [Fact]
    public async Task Without_redis_the_checked_forms_and_work_done_once_refuse_rather_than_guess()
    {
        var store = Create("127.0.0.1:1,connectTimeout=200");
        var ran = false;

        await Assert.ThrowsAsync<CacheUnavailableException>(() => store.GetCheckedAsync("k"));
        await Assert.ThrowsAsync<CacheUnavailableException>(() => store.TryAddCheckedAsync("k", "v", TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<CacheUnavailableException>(() => store.SetCheckedAsync("k", "v", TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<CacheUnavailableException>(() => store.OnceAsync("k", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeProvider.System, () => { ran = true; return Task.CompletedTask; }, CancellationToken.None));
        Assert.False(ran);
    }

    [Fact]
    public async Task Commands_issued_while_the_connection_is_reestablished_wait_for_it_instead_of_failing()
    {
        var store = (RedisCacheStore)Store;
        var degraded = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == CacheMetrics.MeterName) l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref degraded, (int)value));
        listener.Start();
        await store.SetAsync("before", "1", TimeSpan.FromMinutes(1));

        // Drop this client's connections from the server side, then issue a burst at once, as a host's first messages
        // after a Redis restart would: the multiplexer reconnects and the burst waits for it.
        await using var admin = await ConnectionMultiplexer.ConnectAsync(TestServices.Require(TestServices.Redis, "REDIS_CONFIGURATION") + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        await server.ExecuteAsync("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
        var burst = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => store.TryAddCheckedAsync($"burst:{i}", "1", TimeSpan.FromMinutes(1))));

        Assert.All(burst, Assert.True);
        Assert.Equal(0, degraded);
    }

    [Fact]
    public async Task Readiness_needs_redis_answering_once_and_names_it_when_not()
    {
        using var up = RedisConnection.Connect(new RedisCacheOptions { Configuration = TestServices.Require(TestServices.Redis, "REDIS_CONFIGURATION") });
        using var down = RedisConnection.Connect(new RedisCacheOptions { Configuration = "127.0.0.1:1,connectTimeout=200" });
        var context = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext();

        var healthy = await new RedisReadiness(up).CheckHealthAsync(context);
        var unhealthy = await new RedisReadiness(down).CheckHealthAsync(context);

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, healthy.Status);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Contains("Redis unreachable", unhealthy.Description);
    }

    public void Dispose() => _redis?.Dispose();
}
