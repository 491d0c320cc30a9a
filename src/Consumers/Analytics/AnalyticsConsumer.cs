using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Consumers.Records;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Analytics;

/// <summary>
/// Records each understood message as an analytics event, once per message id, in batches with the messages consumed
/// beside it; each batch also counts its new events into the top intents and the fallback alert (<see cref="AnalyticsRecording"/>).
/// </summary>
public sealed class AnalyticsConsumer(RecordBatcher<AnalyticsEvent> events) : IConsumer<MessageUnderstood>
{
    public Task Consume(ConsumeContext<MessageUnderstood> context) => events.StoreAsync(EventOf(context.Message), context.CancellationToken);

    private static AnalyticsEvent EventOf(MessageUnderstood understood) =>
        new(understood.Message.MessageId, understood.Message.BotId, understood.Message.ReceivedAt, understood.Intent, understood.IsFallback,
            understood.Confidence, understood.Message.SenderId, understood.NluMilliseconds);
}
