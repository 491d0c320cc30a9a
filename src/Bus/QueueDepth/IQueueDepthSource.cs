namespace ChatbotPipeline.Bus.QueueDepth;

/// <summary>Messages waiting per queue, as the broker counts them; queues that do not exist are left out.</summary>
public interface IQueueDepthSource : IAsyncDisposable
{
    Task<IReadOnlyDictionary<string, long>> ReadAsync(IEnumerable<string> queues, CancellationToken cancellationToken);
}
