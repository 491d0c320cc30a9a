using MassTransit;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>
/// On the SQS transport every publish leaves the process through SQS: the message is serialized as MassTransit would
/// put it on a broker and sent to each queue subscribed to its type. The in-process bus behind it has no bindings, so
/// the pipe stops here; a failed send throws to the publisher (Ingress answers 503).
/// </summary>
public sealed class SqsPublishFilter<T>(SqsPublisher publisher, SqsSubscriptions subscriptions) : IFilter<PublishContext<T>> where T : class
{
    public async Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        var queues = await subscriptions.QueuesForAsync(typeof(T), context.CancellationToken);
        var serializer = context.Serializer ?? throw new InvalidOperationException($"No serializer for {typeof(T).Name}.");
        var body = serializer.GetMessageBody(context);
        await publisher.PublishAsync(new SqsOutgoing(typeof(T).Name, (context.MessageId ?? NewId.NextGuid()).ToString(),
            context.CorrelationId?.ToString(), body.GetString(), SqsRoutes.GroupKey(context.Message), serializer.ContentType.MediaType,
            [.. ServiceDefaults.Telemetry.SqsTraceContext.Outgoing()]), queues, context.CancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("sqs-publish");
}
