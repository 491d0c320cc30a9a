using ChatbotPipeline.Backends.Cache;

namespace ChatbotPipeline.Backends.Tests.Cache;

/// <summary>What every <see cref="ICacheStore"/> must do; subclassed once per implementation.</summary>
public abstract class CacheStoreContract
{
    protected abstract ICacheStore Store { get; }

    /// <summary>Moves the store's clock past the given time (a fake clock, or real waiting for a server).</summary>
    protected abstract Task LetTimePassAsync(TimeSpan time);

    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);

    private string Key(string name) => $"{GetType().Name}:{Guid.NewGuid():N}:{name}";

    [Fact]
    public async Task A_value_reads_back_until_it_expires()
    {
        var key = Key("k");
        await Store.SetAsync(key, "v", Ttl);

        Assert.Equal("v", await Store.GetAsync(key));
        await LetTimePassAsync(Ttl + TimeSpan.FromMilliseconds(100));
        Assert.Null(await Store.GetAsync(key));
    }

    [Fact]
    public async Task Set_overwrites_and_remove_deletes()
    {
        var key = Key("k");
        await Store.SetAsync(key, "one", Ttl);
        await Store.SetAsync(key, "two", Ttl);
        Assert.Equal("two", await Store.GetAsync(key));

        await Store.RemoveAsync(key);

        Assert.Null(await Store.GetAsync(key));
    }

    [Fact]
    public async Task TryAdd_succeeds_once_until_the_value_expires()
    {
        var key = Key("once");

        Assert.True(await Store.TryAddAsync(key, "first", Ttl));
        Assert.False(await Store.TryAddAsync(key, "second", Ttl));
        Assert.Equal("first", await Store.GetAsync(key));

        await LetTimePassAsync(Ttl + TimeSpan.FromMilliseconds(100));
        Assert.True(await Store.TryAddAsync(key, "third", Ttl));
    }

    [Fact]
    public async Task TryAdd_has_one_winner_among_concurrent_callers()
    {
        var key = Key("race");
        var store = Store;

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => store.TryAddAsync(key, $"{i}", Ttl))));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task A_ranked_set_lists_its_highest_scores_first_until_it_expires()
    {
        var key = Key("ranked");

        await Store.IncrementScoreAsync(key, "greet", 1, Ttl);
        await Store.IncrementScoreAsync(key, "order_status", 1, Ttl);
        await Store.IncrementScoreAsync(key, "order_status", 2, Ttl);
        await Store.IncrementScoreAsync(key, "fallback", 1, Ttl);

        Assert.Equal([new RankedMember("order_status", 3), new RankedMember("greet", 1)], await Store.TopAsync(key, 2));
        Assert.Equal(["order_status", "greet", "fallback"], (await Store.TopAsync(key, 10)).Select(m => m.Member));
        Assert.Empty(await Store.TopAsync(Key("none"), 3));
        await LetTimePassAsync(Ttl + TimeSpan.FromMilliseconds(100));
        Assert.Empty(await Store.TopAsync(key, 3));
    }

    [Fact]
    public async Task A_counter_counts_within_its_window_and_restarts_after_it()
    {
        var key = Key("counter");

        Assert.Equal(1, await Store.IncrementAsync(key, Ttl));
        Assert.Equal(2, await Store.IncrementAsync(key, Ttl));
        await LetTimePassAsync(Ttl / 2);
        // A later increment does not extend the window: the counter still expires Ttl after it started.
        Assert.Equal(3, await Store.IncrementAsync(key, Ttl));
        await LetTimePassAsync(Ttl / 2 + TimeSpan.FromMilliseconds(100));

        Assert.Equal(1, await Store.IncrementAsync(key, Ttl));
    }

    [Fact]
    public async Task A_counter_counts_amounts_and_its_window_starts_with_the_first()
    {
        var key = Key("counter-by");

        Assert.Equal(5, await Store.IncrementByAsync(key, 5, Ttl));
        Assert.Equal(6, await Store.IncrementAsync(key, Ttl));
        await LetTimePassAsync(Ttl / 2);
        Assert.Equal(9, await Store.IncrementByAsync(key, 3, Ttl));
        await LetTimePassAsync(Ttl / 2 + TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, await Store.IncrementByAsync(key, 2, Ttl));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.IncrementByAsync(key, 0, Ttl));
    }

    [Fact]
    public async Task A_counter_is_taken_back_only_from_the_value_it_was_given()
    {
        var key = Key("taken-back");
        await Store.IncrementAsync(key, Ttl);
        await Store.IncrementAsync(key, Ttl);

        Assert.False(await Store.DecrementIfAsync(key, 1)); // a later number was taken: nothing to give back
        Assert.True(await Store.DecrementIfAsync(key, 2));
        Assert.Equal(2, await Store.IncrementAsync(key, Ttl));
        Assert.False(await Store.DecrementIfAsync(Key("never-counted"), 1));
    }

    [Fact]
    public async Task Concurrent_increments_are_all_counted()
    {
        var key = Key("concurrent");
        var store = Store;

        var counts = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => store.IncrementAsync(key, TimeSpan.FromMinutes(1)))));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), counts.Order());
    }

    [Fact]
    public async Task RemoveIf_removes_only_the_value_it_names()
    {
        var key = Key("lease");
        await Store.TryAddAsync(key, "mine", Ttl);

        Assert.False(await Store.RemoveIfAsync(key, "someone-else"));
        Assert.Equal("mine", await Store.GetAsync(key));
        Assert.True(await Store.RemoveIfAsync(key, "mine"));
        Assert.Null(await Store.GetAsync(key));
        Assert.False(await Store.RemoveIfAsync(key, "mine"));
    }

    [Fact]
    public async Task Missing_keys_read_as_null_and_remove_quietly()
    {
        var key = Key("missing");

        Assert.Null(await Store.GetAsync(key));
        await Store.RemoveAsync(key);
    }

    [Fact]
    public async Task The_checked_forms_read_and_write_like_the_plain_ones()
    {
        var key = Key("checked");

        Assert.True(await Store.TryAddCheckedAsync(key, "a", Ttl));
        Assert.False(await Store.TryAddCheckedAsync(key, "b", Ttl));
        Assert.Equal("a", await Store.GetCheckedAsync(key));
        await Store.SetCheckedAsync(key, "c", Ttl);
        Assert.Equal("c", await Store.GetAsync(key));
    }

    [Fact]
    public async Task Work_done_once_runs_once_across_repeats_and_concurrent_copies()
    {
        var key = Key("once");
        var runs = 0;
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var first = Store.OnceAsync(key, Ttl, Ttl, Ttl, TimeProvider.System, async () => { runs++; inside.SetResult(); await release.Task; }, CancellationToken.None);
        await inside.Task;
        await Assert.ThrowsAsync<WorkInProgressException>(() => Store.OnceAsync(key, Ttl, Ttl, Ttl, TimeProvider.System, () => { runs++; return Task.CompletedTask; }, CancellationToken.None));
        release.SetResult();

        Assert.True(await first);
        Assert.False(await Store.OnceAsync(key, Ttl, Ttl, Ttl, TimeProvider.System, () => { runs++; return Task.CompletedTask; }, CancellationToken.None));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Work_that_failed_is_left_to_the_retry()
    {
        var key = Key("failed");

        await Assert.ThrowsAsync<HttpRequestException>(() => Store.OnceAsync(key, Ttl, Ttl, Ttl, TimeProvider.System, () => throw new HttpRequestException("down"), CancellationToken.None));

        Assert.True(await Store.OnceAsync(key, Ttl, Ttl, Ttl, TimeProvider.System, () => Task.CompletedTask, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_left_by_a_worker_that_died_expires_with_its_lease()
    {
        var key = Key("died");
        // What a killed worker leaves: its claim, and no record of the work.
        Assert.True(await Store.TryAddCheckedAsync(key, "working:dead", Ttl));

        await Assert.ThrowsAsync<WorkInProgressException>(() => Store.OnceAsync(key, Ttl, Ttl, Ttl, TimeProvider.System, () => Task.CompletedTask, CancellationToken.None));
        await LetTimePassAsync(Ttl + TimeSpan.FromMilliseconds(100));

        Assert.True(await Store.OnceAsync(key, Ttl, Ttl, Ttl, TimeProvider.System, () => Task.CompletedTask, CancellationToken.None));
    }
}
