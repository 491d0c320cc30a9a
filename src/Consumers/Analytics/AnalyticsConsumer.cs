using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Consumers.Alerts;
using ChatbotPipeline.Consumers.Records;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Analytics;

/// <summary>Records each understood message as an analytics event, once per message id, in batches with the messages consumed beside it.</summary>
public sealed class AnalyticsConsumer(RecordBatcher<AnalyticsEvent> events, FallbackRateWatch fallbacks, TopIntents topIntents) : IConsumer<MessageUnderstood>
{
    public async Task Consume(ConsumeContext<MessageUnderstood> context)
    {
        var understood = context.Message;
        var analyticsEvent = EventOf(understood);
        // Only a first recording counts toward the top intents and the fallback alert: a redelivery must not count twice.
        if (!await events.StoreAsync(analyticsEvent, context.CancellationToken))
            return;
        await topIntents.CountAsync(analyticsEvent.BotId, analyticsEvent.Intent, analyticsEvent.At, context.CancellationToken);
        await fallbacks.CountAsync(understood, context, context.CancellationToken);
    }

    private static AnalyticsEvent EventOf(MessageUnderstood understood) =>
        new(understood.Message.MessageId, understood.Message.BotId, understood.Message.ReceivedAt, understood.Intent, understood.IsFallback,
            understood.Confidence, understood.Message.SenderId, understood.NluMilliseconds);
}
