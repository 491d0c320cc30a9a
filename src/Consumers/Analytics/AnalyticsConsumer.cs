using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Analytics;

/// <summary>Records each understood message as an analytics event, once per message id.</summary>
public sealed class AnalyticsConsumer(IAnalyticsStore analytics) : IConsumer<MessageUnderstood>
{
    public Task Consume(ConsumeContext<MessageUnderstood> context)
    {
        var understood = context.Message;
        var analyticsEvent = new AnalyticsEvent(understood.Message.MessageId, understood.Message.BotId, understood.Message.ReceivedAt,
            understood.Intent, understood.IsFallback, understood.Confidence, understood.Message.SenderId, understood.NluMilliseconds);
        return analytics.RecordAsync(analyticsEvent, context.CancellationToken);
    }
}
