using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;
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
    private readonly List<ReceiveEndpointDispatcherFactory> _ownFactories = [];

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
        var dispatcherFactory = services.GetRequiredService<IReceiveEndpointDispatcherFactory>();
        var formatter = services.GetRequiredService<IEndpointNameFormatter>();
        var receivers = new List<SqsReceiver>();
        // Consumers that share a queue (the conversation log and analytics) take each delivery together, as they do on RabbitMQ.
        var byQueue = catalog.ConsumerTypes
            .Select(type => (Type: type, Definition: (IConsumerDefinition)services.GetRequiredService(typeof(IConsumerDefinition<>).MakeGenericType(type))))
            .GroupBy(consumer => consumer.Definition.GetEndpointName(formatter), StringComparer.Ordinal);
        foreach (var consumers in byQueue)
        {
            var queue = consumers.Key;
            var url = SqsInstanceQueues.IsInstanceQueue(queue)
                ? await instanceQueues.CreateAsync(queue, stoppingToken)
                : (await sqs.GetQueueUrlAsync(SqsQueueNames.Queue(options, queue), stoppingToken)).QueueUrl;
            // MassTransit's factory keeps one dispatcher per queue name: a further consumer of the same queue gets a
            // factory of its own, so its dispatcher too is named after the queue (spans, metrics, faults).
            var dispatchers = consumers.Select((consumer, i) => CreateDispatcher(i == 0 ? dispatcherFactory : OwnFactory(), consumer.Type, queue)).ToList();
            var receiverOptions = new SqsReceiverOptions
            {
                VisibilityTimeoutSeconds = options.VisibilityTimeoutSeconds,
                ConcurrencyLimit = consumers.Max(consumer => consumer.Definition.ConcurrentMessageLimit) ?? 8,
            };
            receivers.Add(new SqsReceiver(sqs, url, receiverOptions, (delivery, cancellationToken) => DispatchAsync(dispatchers, queue, delivery, cancellationToken), logger));
            LogReceiving(string.Join(", ", consumers.Select(consumer => consumer.Type.Name)), queue);
            // Queues of an earlier version whose work this queue took over: nothing is routed to them any more, but
            // what they held when the deployment was upgraded is still taken.
            foreach (var retired in QueueNames.Retired.Where(pair => pair.Value == queue).Select(pair => pair.Key))
            {
                if (await ExistingQueueUrlAsync(retired, stoppingToken) is not { } retiredUrl)
                    continue;
                receivers.Add(new SqsReceiver(sqs, retiredUrl, receiverOptions, (delivery, cancellationToken) => DispatchAsync(dispatchers, queue, delivery, cancellationToken), logger));
                LogRetired(retired, queue);
            }
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

    private ReceiveEndpointDispatcherFactory OwnFactory()
    {
        var factory = new ReceiveEndpointDispatcherFactory(services.GetRequiredService<IBusRegistrationContext>(), services.GetRequiredService<IBusInstance>());
        _ownFactories.Add(factory);
        return factory;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var factory in _ownFactories)
            await factory.DisposeAsync();
        await instanceQueues.DeleteOwnAsync(cancellationToken);
    }

    private static IReceiveEndpointDispatcher CreateDispatcher(IReceiveEndpointDispatcherFactory factory, Type consumerType, string queue) =>
        (IReceiveEndpointDispatcher)typeof(IReceiveEndpointDispatcherFactory).GetMethod(nameof(IReceiveEndpointDispatcherFactory.CreateConsumerReceiver))!
            .MakeGenericMethod(consumerType).Invoke(factory, [queue])!;

    /// <summary>Hands a delivery to each consumer of its queue; it stays on the queue (and comes back) unless all of them took it.</summary>
    private async Task DispatchAsync(IReadOnlyList<IReceiveEndpointDispatcher> dispatchers, string queue, SqsDelivery delivery, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, object>
        {
            ["Content-Type"] = delivery.Attributes.GetValueOrDefault(SqsPublisher.ContentTypeAttribute, "application/vnd.masstransit+json"),
        };
        // MassTransit's consume span starts under this one, in the sender's trace.
        using var receive = ServiceDefaults.Telemetry.SqsTraceContext.StartReceive(queue, delivery.Attributes);
        try
        {
            var body = Encoding.UTF8.GetBytes(delivery.Body);
            await Task.WhenAll(dispatchers.Select(dispatcher => dispatcher.Dispatch(body, headers, cancellationToken)));
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

    private async Task<string?> ExistingQueueUrlAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await sqs.GetQueueUrlAsync(SqsQueueNames.Queue(options, queue), cancellationToken)).QueueUrl;
        }
        catch (QueueDoesNotExistException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQS queue {Queue} is retired (its work moved to {Successor}); taking what it still holds. Delete it once it is empty")]
    private partial void LogRetired(string queue, string successor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQS consumers not started yet, retrying in 5 s: {Reason}")]
    private partial void LogNotReady(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} receives from SQS queue {Queue}")]
    private partial void LogReceiving(string consumer, string queue);
}
