using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Time.Testing;

namespace ChatbotPipeline.Backends.Tests.Cache;

public sealed class MemoryCacheStoreTests : CacheStoreContract
{
    private readonly FakeTimeProvider _time = new();
    private readonly MemoryCacheStore _store;

    public MemoryCacheStoreTests() => _store = new MemoryCacheStore(_time);

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
}
