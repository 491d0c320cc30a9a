using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ChatbotPipeline.Bus;

/// <summary>A queue's counts without declaring it: what queue depth and queue retirement both read.</summary>
public static class RabbitMqPassiveDeclare
{
    /// <summary>The queue's ready messages and consumers, or null when there is no such queue.</summary>
    public static async Task<QueueDeclareOk?> DeclarePassiveOrNullAsync(this IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A failed passive declare closes its channel, so each gets its own.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }
}
