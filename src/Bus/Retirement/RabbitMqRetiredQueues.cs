using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ChatbotPipeline.Bus.Retirement;

/// <summary>
/// Takes a queue an earlier version used out of RabbitMQ's topology: MassTransit binds each message type's exchange to
/// an exchange named like the queue, so deleting that exchange stops new copies; the queue itself is deleted once its
/// consumer has emptied it.
/// </summary>
public sealed class RabbitMqRetiredQueues(RabbitMqOptions options) : IAsyncDisposable
{
    private IConnection? _connection;

    /// <summary>Stops new messages reaching <paramref name="queue"/>.</summary>
    /// <returns>The messages it still holds, or null when there is no such queue (nothing to drain).</returns>
    public async Task<uint?> CutOffAsync(string queue, CancellationToken cancellationToken)
    {
        if (await MessagesAsync(queue, cancellationToken) is not { } left)
            return null;
        await using var channel = await ChannelAsync(cancellationToken);
        await channel.ExchangeDeleteAsync(queue, ifUnused: false, cancellationToken: cancellationToken);
        return left;
    }

    /// <summary>The messages ready in <paramref name="queue"/>, or null when there is no such queue.</summary>
    public async Task<uint?> MessagesAsync(string queue, CancellationToken cancellationToken) =>
        (await (await ConnectionAsync(cancellationToken)).DeclarePassiveOrNullAsync(queue, cancellationToken))?.MessageCount;

    /// <summary>Deletes <paramref name="queue"/> and its exchange if it holds no message; false when it still does.</summary>
    public async Task<bool> DeleteIfEmptyAsync(string queue, CancellationToken cancellationToken)
    {
        await using var channel = await ChannelAsync(cancellationToken);
        try
        {
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: true, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
        await using var cleanup = await ChannelAsync(cancellationToken);
        await cleanup.ExchangeDeleteAsync(queue, ifUnused: false, cancellationToken: cancellationToken);
        return true;
    }

    // A refused operation closes its channel, so each gets its own.
    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken) =>
        await (await ConnectionAsync(cancellationToken)).CreateChannelAsync(cancellationToken: cancellationToken);

    private async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await options.ConnectAsync("chatbot-retired-queues", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
    }
}
