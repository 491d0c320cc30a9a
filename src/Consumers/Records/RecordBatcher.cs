using System.Threading.Channels;

namespace ChatbotPipeline.Consumers.Records;

/// <summary>
/// Group commit for one kind of record: records handed in by messages consumed at the same time are stored together,
/// one store call per batch (<see cref="RecordBatchOptions"/>), and each caller gets back only once its own record is
/// stored — or the store's exception. A message is therefore never settled before its record is written.
/// (MassTransit's <c>Batch&lt;T&gt;</c> consumer, used before, drops a message whose delivery is canceled from its
/// batch and can still let that message complete when the rest of the batch is stored: the broker is told it was
/// handled and the record is gone. The fault suite caught that when an endpoint was restarted after a broker outage.)
/// </summary>
public sealed class RecordBatcher<T> : IAsyncDisposable where T : class
{
    /// <summary>Stores a batch; returns the records this call stored (the others were stored before: redeliveries).</summary>
    public delegate Task<IReadOnlyList<T>> StoreBatch(IReadOnlyList<T> records, CancellationToken cancellationToken);

    private static readonly TimeSpan DrainTimeLimit = TimeSpan.FromSeconds(10);

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly StoreBatch _store;
    private readonly RecordBatchOptions _options;
    private readonly TimeProvider _time;
    private readonly Task[] _writers;

    public RecordBatcher(StoreBatch store, RecordBatchOptions options, TimeProvider time)
    {
        _store = store;
        _options = options;
        _time = time;
        _writers = Enumerable.Range(0, options.ConcurrencyLimit).Select(_ => Task.Run(WriteBatchesAsync)).ToArray();
    }

    /// <summary>Stores <paramref name="record"/> with whatever else arrives within the batch window.</summary>
    /// <returns>True when this call stored it; false when it was stored before (a redelivered message).</returns>
    /// <remarks>Canceling stops the wait, not necessarily the write: a record already taken into a batch is stored,
    /// which the stores' once-per-id rule makes harmless when its message is delivered again.</remarks>
    public async Task<bool> StoreAsync(T record, CancellationToken cancellationToken)
    {
        var pending = new Pending(record, cancellationToken);
        if (!_pending.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(RecordBatcher<T>), "The record writer is shutting down; the message is left to redelivery.");
        return await pending.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<Pending>(_options.MessageLimit);
        // Ends once disposal has completed the channel and every record handed in before is written.
        while (await _pending.Reader.WaitToReadAsync())
        {
            await FillAsync(batch);
            batch.RemoveAll(pending => pending.Abandoned);
            if (batch.Count > 0)
                await StoreAsync(batch);
            batch.Clear();
        }
    }

    /// <summary>Takes records until the batch is full or the window after its first record has passed.</summary>
    private async Task FillAsync(List<Pending> batch)
    {
        if (!_pending.Reader.TryRead(out var first))
            return; // another writer took it
        batch.Add(first);
        using var window = new CancellationTokenSource(TimeSpan.FromMilliseconds(_options.TimeLimitMilliseconds), _time);
        while (batch.Count < _options.MessageLimit)
        {
            if (_pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
                continue;
            }
            try
            {
                if (!await _pending.Reader.WaitToReadAsync(window.Token))
                    return;
            }
            catch (OperationCanceledException) when (window.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task StoreAsync(List<Pending> batch)
    {
        try
        {
            var stored = (await _store(batch.ConvertAll(pending => pending.Record), _stopping.Token)).ToHashSet(ReferenceEqualityComparer.Instance);
            foreach (var pending in batch)
                pending.Stored.TrySetResult(stored.Contains(pending.Record));
        }
        catch (Exception exception)
        {
            // Every message of the batch fails and is retried or redelivered on its own: none is settled unwritten.
            foreach (var pending in batch)
                pending.Stored.TrySetException(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_writers).WaitAsync(DrainTimeLimit, _time);
        }
        catch (TimeoutException)
        {
            // A store that does not answer: cancel its writes; their messages were not settled and come back.
        }
        await _stopping.CancelAsync();
    }

    private sealed class Pending(T record, CancellationToken waiting)
    {
        public T Record { get; } = record;

        public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Its message stopped waiting before the batch was written (it fails and comes back): no need to write it now.</summary>
        public bool Abandoned => waiting.IsCancellationRequested;
    }
}
