using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Analytics;

/// <summary>Counts each understood message into its bot's daily figures, once per message id.</summary>
public sealed class AnalyticsConsumer(IAnalyticsStore analytics) : IConsumer<MessageUnderstood>
{
    public Task Consume(ConsumeContext<MessageUnderstood> context)
    {
        var understood = context.Message;
        var analyticsEvent = new AnalyticsEvent(understood.Message.MessageId, understood.Message.BotId, understood.Message.ReceivedAt,
            understood.Intent, understood.IsFallback, understood.Confidence);
        return analytics.RecordAsync(analyticsEvent, context.CancellationToken);
    }
}
