using System.Diagnostics.Metrics;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Consumers.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Tests.Nlu;

/// <summary>Two replicas never work on one conversation at once; a dead holder's lease runs out.</summary>
public sealed class ConversationLeaseTests : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private static IOptions<NluOptions> Lasting(int seconds) => Options.Create(new NluOptions { ConversationLeaseSeconds = seconds });

    private static ICacheStore Memory() =>
        new MemoryCacheStore(TimeProvider.System, Options.Create(new CacheOptions()), NullLogger<MemoryCacheStore>.Instance);

    /// <summary>Two stores on one Redis, as two replicas have; skipped without Redis.</summary>
    private (ICacheStore, ICacheStore) TwoRedisReplicas()
    {
        var configuration = Environment.GetEnvironmentVariable("REDIS_CONFIGURATION");
        Assert.SkipWhen(string.IsNullOrEmpty(configuration), "REDIS_CONFIGURATION is not set: no Redis to share a lease through.");
        var options = Options.Create(new CacheOptions { Redis = new RedisCacheOptions { Configuration = configuration!, KeyPrefix = $"lease-test:{Guid.NewGuid():N}:" } });
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _owned.Add(meters);
        ICacheStore Replica()
        {
            var redis = RedisConnection.Connect(options.Value.Redis);
            _owned.Add(redis);
            return new RedisCacheStore(redis, options, new CacheMetrics(meters.GetRequiredService<IMeterFactory>()), NullLogger<RedisCacheStore>.Instance);
        }
        return (Replica(), Replica());
    }

    [Fact]
    public async Task A_second_holder_waits_until_the_first_releases() =>
        await AssertExclusiveAsync(Memory(), null);

    [Fact]
    public async Task Replicas_sharing_redis_take_a_conversation_in_turn()
    {
        var (first, second) = TwoRedisReplicas();
        await AssertExclusiveAsync(first, second);
    }

    [Fact]
    public async Task Other_conversations_are_not_held_up()
    {
        var leases = new ConversationLease(Memory(), Lasting(30));
        await using var held = await leases.AcquireAsync("bot", "c1", default);

        // Completes at once; WaitAsync fails the test if it had to wait for c1.
        await using var other = await leases.AcquireAsync("bot", "c2", default).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_lease_whose_holder_died_runs_out_and_the_conversation_moves_on()
    {
        var cache = Memory();
        _ = await new ConversationLease(cache, Lasting(1)).AcquireAsync("bot", "c1", default); // never released: a replica that crashed

        var started = DateTime.UtcNow;
        await using var next = await new ConversationLease(cache, Lasting(1)).AcquireAsync("bot", "c1", default);

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Within_a_replica_the_conversation_is_held_even_while_the_cache_is_unreachable()
    {
        var leases = new ConversationLease(new SwitchableCache(Memory()) { Down = true }, Lasting(30));
        await AssertExclusiveAsync(leases, leases);
    }

    [Fact]
    public async Task A_holder_that_gives_the_conversation_back_lets_the_next_one_in_at_once()
    {
        // What a message waiting for its predecessor does between tries: the predecessor must not queue behind it.
        var leases = new ConversationLease(Memory(), Lasting(30));
        for (var i = 0; i < 3; i++)
        {
            var waiter = await leases.AcquireAsync("bot", "c1", default);
            var predecessor = leases.AcquireAsync("bot", "c1", default);
            await waiter.DisposeAsync();
            await (await predecessor.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
        }
    }

    [Fact]
    public async Task Reads_taken_with_the_lease_see_what_the_previous_holder_wrote_before_letting_go() =>
        await AssertReadsFollowTheHolderAsync(Memory(), null);

    [Fact]
    public async Task Across_replicas_reads_taken_with_the_lease_see_the_previous_holders_writes()
    {
        var (first, second) = TwoRedisReplicas();
        await AssertReadsFollowTheHolderAsync(first, second);
    }

    [Fact]
    public async Task A_read_that_fails_gives_the_conversation_back()
    {
        var leases = new ConversationLease(Memory(), Lasting(30));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            leases.AcquireAsync<string>("bot", "c1", () => Task.FromException<string>(new InvalidOperationException("cache read failed")), default));

        await (await leases.AcquireAsync("bot", "c1", default).WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
    }

    /// <summary>
    /// A waiter's reads go out with each try; the ones of tries that lost saw the holder's first write and are dropped,
    /// the winning try's saw its last one.
    /// </summary>
    private static async Task AssertReadsFollowTheHolderAsync(ICacheStore first, ICacheStore? second)
    {
        var holder = new ConversationLease(first, Lasting(30));
        var waiter = new ConversationLease(second ?? first, Lasting(30));
        var reads = 0;
        var held = await holder.AcquireAsync("bot", "c1", default);
        await first.SetAsync("state:c1", "first write", TimeSpan.FromMinutes(1));

        var waiting = waiter.AcquireAsync("bot", "c1", () =>
        {
            Interlocked.Increment(ref reads);
            return (second ?? first).GetAsync("state:c1");
        }, default);
        await Task.Delay(300);
        await first.SetAsync("state:c1", "last write", TimeSpan.FromMinutes(1));
        await held.DisposeAsync();

        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("last write", taken.Read);
        Assert.True(reads > 1, $"the waiter read {reads} time(s)");
    }

    /// <summary>While one replica holds the conversation, the other's acquire does not complete; it does once released.</summary>
    private static Task AssertExclusiveAsync(ICacheStore first, ICacheStore? second) =>
        AssertExclusiveAsync(new ConversationLease(first, Lasting(30)), new ConversationLease(second ?? first, Lasting(30)));

    private static async Task AssertExclusiveAsync(ConversationLease one, ConversationLease two)
    {
        var held = await one.AcquireAsync("bot", "c1", default);

        var waiting = two.AcquireAsync("bot", "c1", default);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
    }

    public void Dispose() => _owned.ForEach(o => o.Dispose());
}
