using ChatbotPipeline.Bus.Retirement;
using ChatbotPipeline.Consumers.Analytics;
using ChatbotPipeline.Consumers.ConversationLog;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Records;

/// <summary>
/// After an upgrade from a version with separate <c>conversation-log</c> and <c>analytics</c> queues (RabbitMQ): stops
/// their feed, lets the record consumers take what they still hold, then deletes them — so nothing accepted before the
/// upgrade is stranded and no queue fills up unread. A verdict both old queues held is stored once: the stores keep
/// each record once per message id.
/// </summary>
public sealed partial class RetiredRecordQueues(
    RabbitMqRetiredQueues broker, IReceiveEndpointConnector endpoints, TimeProvider time, ILogger<RetiredRecordQueues> logger) : BackgroundService
{
    /// <summary>How often a draining queue is looked at. Default 5 s.</summary>
    public TimeSpan Every { get; init; } = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retired = QueueNames.Retired.Where(pair => pair.Value == QueueNames.Records).Select(pair => pair.Key);
        await Task.WhenAll(retired.Select(async queue =>
        {
            try
            {
                await DrainAsync(queue, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Left for the next start: the queue keeps its messages.
                LogFailed(queue, exception.Message);
            }
        }));
    }

    private async Task DrainAsync(string queue, CancellationToken stoppingToken)
    {
        if (await broker.CutOffAsync(queue, stoppingToken) is not { } left)
            return;
        LogDraining(queue, left);
        var handle = endpoints.ConnectReceiveEndpoint(queue, (context, endpoint) =>
        {
            // Bind nothing new to it: it only gives back what it holds.
            endpoint.ConfigureConsumeTopology = false;
            endpoint.ConfigureConsumer<ConversationLogConsumer>(context);
            endpoint.ConfigureConsumer<AnalyticsConsumer>(context);
        });
        await handle.Ready.WaitAsync(stoppingToken);
        while (true)
        {
            await Task.Delay(Every, time, stoppingToken);
            if (await broker.MessagesAsync(queue, stoppingToken) is > 0)
                continue;
            // Stopped first, so its last messages are settled and the delete sees them gone.
            await handle.ReceiveEndpoint.Stop(stoppingToken);
            if (await broker.DeleteIfEmptyAsync(queue, stoppingToken))
            {
                LogRetired(queue);
                return;
            }
            handle.ReceiveEndpoint.Start(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} is retired (its work moved to the records queue); taking the {Messages} messages it still holds")]
    private partial void LogDraining(string queue, uint messages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retired queue {Queue} is empty and deleted")]
    private partial void LogRetired(string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not drain retired queue {Queue}; it keeps its messages until the next start: {Reason}")]
    private partial void LogFailed(string queue, string reason);
}
