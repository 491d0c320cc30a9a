using Amazon.SQS;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>
/// The queues an event goes to now: its durable queues, and the per-instance queues of hosts running at the moment,
/// listed by name prefix and remembered for a few seconds (a host that just started may miss events for that long,
/// as a page that connects a moment later would).
/// </summary>
public sealed class SqsSubscriptions(IAmazonSQS sqs, AmazonSqsOptions options, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, (DateTimeOffset Until, Task<IReadOnlyList<string>> Queues)> _instances = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> QueuesForAsync(Type messageType, CancellationToken cancellationToken)
    {
        var durable = SqsRoutes.DurableQueues(messageType);
        if (SqsRoutes.InstanceQueuePrefix(messageType) is not { } prefix)
            return durable;
        return [.. durable, .. await InstanceQueuesAsync(prefix, cancellationToken)];
    }

    private Task<IReadOnlyList<string>> InstanceQueuesAsync(string prefix, CancellationToken cancellationToken)
    {
        lock (_instances)
        {
            var now = time.GetUtcNow();
            if (!_instances.TryGetValue(prefix, out var known) || known.Until < now || known.Queues.IsFaulted)
                _instances[prefix] = known = (now + Remember, ListAsync(prefix, cancellationToken));
            return known.Queues;
        }
    }

    private async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var response = await sqs.ListQueuesAsync(options.QueueNamePrefix + prefix, cancellationToken);
        return (response.QueueUrls ?? []).Select(url => url[(url.LastIndexOf('/') + 1)..])
            .Select(name => name[options.QueueNamePrefix.Length..])
            .Select(name => options.UseFifo && name.EndsWith(SqsQueueNames.FifoSuffix, StringComparison.Ordinal) ? name[..^SqsQueueNames.FifoSuffix.Length] : name)
            .ToList();
    }
}
