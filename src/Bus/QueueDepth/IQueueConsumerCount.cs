namespace ChatbotPipeline.Bus.QueueDepth;

/// <summary>How many consumers the broker has on a queue: what tells an endpoint that says it runs from one that does.</summary>
public interface IQueueConsumerCount
{
    /// <summary>The broker's count, or null when it cannot say (the queue does not exist, the broker is away).</summary>
    Task<long?> CountAsync(string queue, CancellationToken cancellationToken);
}
