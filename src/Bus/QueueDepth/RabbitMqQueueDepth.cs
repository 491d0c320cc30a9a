using RabbitMQ.Client;

namespace ChatbotPipeline.Bus.QueueDepth;

/// <summary>
/// Ready messages and consumers per queue from RabbitMQ by passive declare: no management plugin needed, and a queue
/// that does not exist yet is left out instead of being created.
/// </summary>
public sealed class RabbitMqQueueDepth(RabbitMqOptions options) : IQueueDepthSource, IQueueConsumerCount
{
    private IConnection? _connection;

    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var depths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var queue in queues)
            if (await DeclarePassiveAsync(queue, cancellationToken) is { } declared)
                depths[queue] = declared.MessageCount;
        return depths;
    }

    public async Task<long?> CountAsync(string queue, CancellationToken cancellationToken) =>
        (await DeclarePassiveAsync(queue, cancellationToken))?.ConsumerCount;

    /// <summary>Null for a queue not declared yet: its consumers have not started.</summary>
    private async Task<QueueDeclareOk?> DeclarePassiveAsync(string queue, CancellationToken cancellationToken)
    {
        _connection ??= await options.ConnectAsync("chatbot-queue-depth", cancellationToken);
        return await _connection.DeclarePassiveOrNullAsync(queue, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
    }
}
