using ChatbotPipeline.Contracts;
using System.Text;
using Amazon.SQS;
using MassTransit;
using MassTransit.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.ServiceDefaults.Bus.AmazonSqs;

/// <summary>The consumer types this host registered, found among the bus registrations by their definitions.</summary>
public sealed record SqsConsumerCatalog(IReadOnlyList<Type> ConsumerTypes);

/// <summary>
/// Runs this host's consumers off SQS: one <see cref="SqsReceiver"/> per consumer queue, each message handed to
/// MassTransit's receive-endpoint dispatcher for that consumer, which runs the consumer's own pipeline (retries,
/// partitioning, concurrency, metrics) and rethrows when it faults — so a message is deleted only after it was
/// consumed. Durable queues are provisioned at start when <c>AutoProvision</c> says so; per-instance queues (chat
/// stream, model notices) are created at start and deleted at stop.
/// </summary>
public sealed partial class SqsConsumerHost(
    IServiceProvider services, SqsConsumerCatalog catalog, IAmazonSQS sqs, AmazonSqsOptions options, ILogger<SqsConsumerHost> logger) : BackgroundService
{
    private readonly List<string> _instanceQueueUrls = [];

    private volatile bool _receiving;
    private volatile bool _provisioned;

    /// <summary>True once every consumer queue is found (or made) and received from: what readiness waits for.</summary>
    public bool Receiving => _receiving;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQS unreachable at start is retried, not fatal: the host stays up, unready, until the queues answer.
        List<SqsReceiver> receivers;
        while (true)
        {
            try
            {
                receivers = await PrepareAsync(stoppingToken);
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogNotReady(exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
        _receiving = true;
        await Task.WhenAll(receivers.Select(receiver => receiver.RunAsync(stoppingToken)));
    }

    private async Task<List<SqsReceiver>> PrepareAsync(CancellationToken stoppingToken)
    {
        await ProvisionOnceAsync(stoppingToken);
        var dispatchers = services.GetRequiredService<IReceiveEndpointDispatcherFactory>();
        var formatter = services.GetRequiredService<IEndpointNameFormatter>();
        var receivers = new List<SqsReceiver>();
        foreach (var consumerType in catalog.ConsumerTypes)
        {
            var definition = (IConsumerDefinition)services.GetRequiredService(typeof(IConsumerDefinition<>).MakeGenericType(consumerType));
            var queue = definition.GetEndpointName(formatter);
            var perInstance = queue.StartsWith(SqsRoutes.ChatStreamPrefix, StringComparison.Ordinal) || queue.StartsWith(SqsRoutes.ModelPublishedPrefix, StringComparison.Ordinal);
            var url = await QueueUrlAsync(queue, perInstance, stoppingToken);
            var dispatcher = CreateDispatcher(dispatchers, consumerType, queue);
            receivers.Add(new SqsReceiver(sqs, url, new SqsReceiverOptions
            {
                VisibilityTimeoutSeconds = options.VisibilityTimeoutSeconds,
                ConcurrencyLimit = definition.ConcurrentMessageLimit ?? 8,
            }, (delivery, cancellationToken) => DispatchAsync(dispatcher, queue, delivery, cancellationToken), logger));
            LogReceiving(consumerType.Name, queue);
        }
        return receivers;
    }

    /// <summary>
    /// Provisions before the host finishes starting, when asked to, so what starts publishing at once (the demo bot's
    /// first training request) finds its queues. A failure here is logged; the background start retries it.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ProvisionOnceAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotReady(exception.Message);
        }
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Provisions when <c>AutoProvision</c> asks for it, once: the background start retries only a failed attempt.</summary>
    private async Task ProvisionOnceAsync(CancellationToken cancellationToken)
    {
        if (!options.AutoProvision || _provisioned)
            return;
        await new SqsProvisioner(sqs, options).ProvisionAsync(SqsCommands.PipelineQueues, cancellationToken);
        _provisioned = true;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Best effort, whatever fails (even a client already disposed by a host shutting down): a queue left behind only
        // collects messages nobody reads, and SQS retention ends them.
        foreach (var url in _instanceQueueUrls)
        {
            try
            {
                await sqs.DeleteQueueAsync(url, cancellationToken);
            }
            catch (Exception exception)
            {
                LogInstanceQueueLeft(url, exception.Message);
            }
        }
    }

    private async Task<string> QueueUrlAsync(string queue, bool perInstance, CancellationToken cancellationToken)
    {
        // A retried start must not create the same instance queue twice.
        if (!perInstance)
            return (await sqs.GetQueueUrlAsync(SqsQueueNames.Queue(options, queue), cancellationToken)).QueueUrl;
        var attributes = options.UseFifo ? new Dictionary<string, string> { ["FifoQueue"] = "true" } : [];
        var url = (await sqs.CreateQueueAsync(new Amazon.SQS.Model.CreateQueueRequest { QueueName = SqsQueueNames.Queue(options, queue), Attributes = attributes },
            cancellationToken)).QueueUrl;
        if (!_instanceQueueUrls.Contains(url))
            _instanceQueueUrls.Add(url);
        return url;
    }

    private static IReceiveEndpointDispatcher CreateDispatcher(IReceiveEndpointDispatcherFactory factory, Type consumerType, string queue) =>
        (IReceiveEndpointDispatcher)typeof(IReceiveEndpointDispatcherFactory).GetMethod(nameof(IReceiveEndpointDispatcherFactory.CreateConsumerReceiver))!
            .MakeGenericMethod(consumerType).Invoke(factory, [queue])!;

    private async Task DispatchAsync(IReceiveEndpointDispatcher dispatcher, string queue, SqsDelivery delivery, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, object>
        {
            ["Content-Type"] = delivery.Attributes.GetValueOrDefault(SqsPublisher.ContentTypeAttribute, "application/vnd.masstransit+json"),
        };
        try
        {
            await dispatcher.Dispatch(Encoding.UTF8.GetBytes(delivery.Body), headers, cancellationToken);
        }
        catch (Exception exception) when (delivery.ReceiveCount >= options.MaxReceiveCount && queue != QueueNames.Notification)
        {
            // The redrive policy moves the message to the dead-letter queue now, with no MassTransit fault to tell
            // anyone: say so. Not for the notification queue itself, which would count its own failures forever.
            await services.GetRequiredService<IPublishEndpoint>().Publish(
                new MessageDeadLettered(queue, exception.Message, DateTimeOffset.UtcNow), CancellationToken.None);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete this instance's queue {QueueUrl}: {Reason}")]
    private partial void LogInstanceQueueLeft(string queueUrl, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQS consumers not started yet, retrying in 5 s: {Reason}")]
    private partial void LogNotReady(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} receives from SQS queue {Queue}")]
    private partial void LogReceiving(string consumer, string queue);
}
