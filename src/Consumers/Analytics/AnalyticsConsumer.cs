using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Consumers.Alerts;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Analytics;

/// <summary>Records understood messages as analytics events, a batch at a time, once per message id.</summary>
public sealed class AnalyticsConsumer(IAnalyticsStore analytics, FallbackRateWatch fallbacks, TopIntents topIntents) : IConsumer<Batch<MessageUnderstood>>
{
    public async Task Consume(ConsumeContext<Batch<MessageUnderstood>> context)
    {
        var verdicts = context.Message.Select(consumed => consumed.Message).ToList();
        var events = verdicts.Select(EventOf).ToList();
        // Only a first recording counts toward the top intents and the fallback alert: a redelivery must not count twice.
        var recorded = (await analytics.RecordAllAsync(events, context.CancellationToken)).ToHashSet(ReferenceEqualityComparer.Instance);
        await Task.WhenAll(events.Select((analyticsEvent, i) => (analyticsEvent, verdict: verdicts[i]))
            .Where(pair => recorded.Contains(pair.analyticsEvent))
            .Select(async pair =>
            {
                await topIntents.CountAsync(pair.analyticsEvent.BotId, pair.analyticsEvent.Intent, pair.analyticsEvent.At, context.CancellationToken);
                await fallbacks.CountAsync(pair.verdict, context, context.CancellationToken);
            }));
    }

    private static AnalyticsEvent EventOf(MessageUnderstood understood) =>
        new(understood.Message.MessageId, understood.Message.BotId, understood.Message.ReceivedAt, understood.Intent, understood.IsFallback,
            understood.Confidence, understood.Message.SenderId, understood.NluMilliseconds);
}
