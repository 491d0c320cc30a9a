using System.Text;
using Amazon.SQS;
using ChatbotPipeline.Contracts;
using MassTransit;
using MassTransit.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>The consumer types this host registered, found among the bus registrations by their definitions.</summary>
public sealed record SqsConsumerCatalog(IReadOnlyList<Type> ConsumerTypes);

/// <summary>
/// Runs this host's consumers off SQS: one <see cref="SqsReceiver"/> per consumer queue, each message handed to
/// MassTransit's receive-endpoint dispatcher for that consumer, which runs the consumer's own pipeline (retries,
/// partitioning, concurrency, metrics) and rethrows when it faults — so a message is deleted only after it was
/// consumed. Durable queues are provisioned at start when <c>AutoProvision</c> says so; per-instance queues (chat
/// stream, model notices) are created at start and deleted at stop (<see cref="SqsInstanceQueues"/>).
/// </summary>
public sealed partial class SqsConsumerHost(
    IServiceProvider services, SqsConsumerCatalog catalog, IAmazonSQS sqs, SqsInstanceQueues instanceQueues, AmazonSqsOptions options,
    TimeProvider time, ILogger<SqsConsumerHost> logger) : BackgroundService
{
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
            var url = SqsInstanceQueues.IsInstanceQueue(queue)
                ? await instanceQueues.CreateAsync(queue, stoppingToken)
                : (await sqs.GetQueueUrlAsync(SqsQueueNames.Queue(options, queue), stoppingToken)).QueueUrl;
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
        await instanceQueues.DeleteOwnAsync(cancellationToken);
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
        // MassTransit's consume span starts under this one, in the sender's trace.
        using var receive = ServiceDefaults.Telemetry.SqsTraceContext.StartReceive(queue, delivery.Attributes);
        try
        {
            await dispatcher.Dispatch(Encoding.UTF8.GetBytes(delivery.Body), headers, cancellationToken);
        }
        catch (Exception exception) when (delivery.ReceiveCount >= options.MaxReceiveCount && queue != QueueNames.Notification)
        {
            // The redrive policy moves the message to the dead-letter queue now, with no MassTransit fault to tell
            // anyone: say so. Not for the notification queue itself, which would count its own failures forever.
            await services.GetRequiredService<IPublishEndpoint>().Publish(
                new MessageDeadLettered(queue, exception.Message, time.GetUtcNow()), CancellationToken.None);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQS consumers not started yet, retrying in 5 s: {Reason}")]
    private partial void LogNotReady(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} receives from SQS queue {Queue}")]
    private partial void LogReceiving(string consumer, string queue);
}
