using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Consumers.Alerts;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Analytics;

/// <summary>Records each understood message as an analytics event, once per message id.</summary>
public sealed class AnalyticsConsumer(IAnalyticsStore analytics, FallbackRateWatch fallbacks, TopIntents topIntents) : IConsumer<MessageUnderstood>
{
    public async Task Consume(ConsumeContext<MessageUnderstood> context)
    {
        var understood = context.Message;
        var analyticsEvent = new AnalyticsEvent(understood.Message.MessageId, understood.Message.BotId, understood.Message.ReceivedAt,
            understood.Intent, understood.IsFallback, understood.Confidence, understood.Message.SenderId, understood.NluMilliseconds);
        // Only a first recording counts toward the fallback alert: a redelivery must not tip a bot over the threshold.
        if (!await analytics.RecordAsync(analyticsEvent, context.CancellationToken))
            return;
        await topIntents.CountAsync(analyticsEvent.BotId, analyticsEvent.Intent, analyticsEvent.At, context.CancellationToken);
        await fallbacks.CountAsync(understood, context, context.CancellationToken);
    }
}
