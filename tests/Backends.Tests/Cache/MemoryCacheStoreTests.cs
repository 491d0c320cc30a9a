using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatbotPipeline.Backends.Tests.Cache;

public sealed class MemoryCacheStoreTests : CacheStoreContract
{
    private readonly FakeTimeProvider _time = new();
    private readonly MemoryCacheStore _store;

    public MemoryCacheStoreTests() => _store = Create(maxEntries: 100_000);

    private MemoryCacheStore Create(int maxEntries) => new(_time,
        Options.Create(new CacheOptions { Memory = new MemoryCacheOptions { MaxEntries = maxEntries } }), NullLogger<MemoryCacheStore>.Instance);

    protected override ICacheStore Store => _store;

    protected override Task LetTimePassAsync(TimeSpan time)
    {
        _time.Advance(time);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Expired_entries_are_swept_as_the_cache_is_written()
    {
        for (var i = 0; i < 4096; i++)
            await _store.SetAsync($"old:{i}", "v", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(2));

        for (var i = 0; i < 4096; i++)
            await _store.SetAsync($"new:{i}", "v", TimeSpan.FromMinutes(1));

        Assert.Equal(4096, _store.Count);
    }

    [Fact]
    public async Task Above_the_cap_the_entries_closest_to_expiry_go_first()
    {
        var store = Create(maxEntries: 1_000);
        await store.SetAsync("long", "v", TimeSpan.FromHours(1));
        for (var i = 0; i < 1_023; i++)
        {
            await store.SetAsync($"short:{i}", "v", TimeSpan.FromMinutes(1));
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(900, store.Count);
        Assert.Equal("v", await store.GetAsync("long"));
        Assert.Null(await store.GetAsync("short:0"));
        Assert.Equal("v", await store.GetAsync("short:1022"));
    }

    [Fact]
    public async Task Writers_racing_past_the_cap_all_succeed_and_the_cap_holds()
    {
        var store = Create(maxEntries: 1_000);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 20_000; i++)
                await store.TryAddAsync($"w{writer}:{i}", "v", TimeSpan.FromMinutes(1 + i % 7));
        })));

        Assert.InRange(store.Count, 1, 1_000 + 8 * 64);
    }
}
