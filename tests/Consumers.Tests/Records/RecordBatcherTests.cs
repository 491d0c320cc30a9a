using ChatbotPipeline.Consumers.Records;
using Microsoft.Extensions.Time.Testing;

namespace ChatbotPipeline.Consumers.Tests.Records;

/// <summary>Group commit: one store call per batch, and no caller told its record is stored unless it is.</summary>
public sealed class RecordBatcherTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<IReadOnlyList<string>> _calls = [];

    private static RecordBatchOptions Options(int limit, int concurrency = 1) =>
        new() { MessageLimit = limit, TimeLimitMilliseconds = 1000, ConcurrencyLimit = concurrency };

    private Task<IReadOnlyList<string>> Store(IReadOnlyList<string> records, CancellationToken cancellationToken)
    {
        lock (_calls)
            _calls.Add(records);
        return Task.FromResult(records);
    }

    [Fact]
    public async Task A_full_batch_is_stored_in_one_call_without_waiting_for_its_window()
    {
        await using var batcher = new RecordBatcher<string>(Store, Options(limit: 3), _time);

        var stored = await Task.WhenAll(new[] { "a", "b", "c" }.Select(r => batcher.StoreAsync(r, CancellationToken.None)));

        Assert.All(stored, Assert.True);
        Assert.Equal(["a", "b", "c"], Assert.Single(_calls).Order());
    }

    [Fact]
    public async Task A_partial_batch_is_stored_when_its_window_ends()
    {
        await using var batcher = new RecordBatcher<string>(Store, Options(limit: 10), _time);

        var storing = Task.WhenAll(batcher.StoreAsync("a", CancellationToken.None), batcher.StoreAsync("b", CancellationToken.None));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(storing.IsCompleted, "stored before its window ended");
        while (!storing.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await storing;
        Assert.Equal(["a", "b"], Assert.Single(_calls).Order());
    }

    [Fact]
    public async Task A_record_stored_before_is_reported_as_not_stored_now()
    {
        await using var batcher = new RecordBatcher<string>((records, _) => Task.FromResult<IReadOnlyList<string>>(records.Where(r => r != "old").ToList()),
            Options(limit: 2), _time);

        var stored = await Task.WhenAll(batcher.StoreAsync("old", CancellationToken.None), batcher.StoreAsync("new", CancellationToken.None));

        Assert.Equal([false, true], stored);
    }

    [Fact]
    public async Task A_failed_store_fails_every_record_of_the_batch()
    {
        await using var batcher = new RecordBatcher<string>((_, _) => throw new InvalidOperationException("store refused"), Options(limit: 2), _time);

        var storing = new[] { "a", "b" }.Select(r => batcher.StoreAsync(r, CancellationToken.None)).ToList();

        foreach (var store in storing)
            Assert.Equal("store refused", (await Assert.ThrowsAsync<InvalidOperationException>(() => store)).Message);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_is_never_told_stored_and_its_record_is_not_written_late()
    {
        var gate = new TaskCompletionSource();
        var storing = new TaskCompletionSource();
        await using var batcher = new RecordBatcher<string>(async (records, token) =>
        {
            storing.TrySetResult();
            await gate.Task;
            return await Store(records, token);
        }, Options(limit: 1), _time);
        var first = batcher.StoreAsync("first", CancellationToken.None);
        await storing.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        using var leaving = new CancellationTokenSource();
        var left = batcher.StoreAsync("left", leaving.Token);
        var stayed = batcher.StoreAsync("stayed", CancellationToken.None);
        await leaving.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        Assert.True(await first);
        Assert.True(await stayed);
        Assert.DoesNotContain(_calls, call => call.Contains("left"));
    }

    [Fact]
    public async Task Disposing_writes_what_was_handed_in_and_refuses_what_comes_after()
    {
        var batcher = new RecordBatcher<string>(Store, Options(limit: 10), _time);
        var handedIn = batcher.StoreAsync("before", CancellationToken.None);

        await batcher.DisposeAsync();

        Assert.True(await handedIn);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.StoreAsync("after", CancellationToken.None));
    }
}
