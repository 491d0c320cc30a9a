using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Consumers.Alerts;
using ChatbotPipeline.Consumers.Records;
using MassTransit;

namespace ChatbotPipeline.Consumers.Analytics;

/// <summary>
/// How a batch of analytics events is stored (<see cref="RecordBatcher{T}.StoreBatch"/>): written once per message id,
/// then the events written now — not redeliveries — counted into the day's top intents and the fallback-rate alert.
/// Counting per batch sends a few cache commands per batch where counting per message sent two or three per message.
/// The batch's messages complete only after the counting, so a failure retries them; their events, stored by then, are
/// not counted twice.
/// </summary>
public sealed class AnalyticsRecording(IAnalyticsStore store, TopIntents topIntents, FallbackRateWatch fallbacks, IBus bus)
{
    public async Task<IReadOnlyList<AnalyticsEvent>> StoreAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken)
    {
        var stored = await store.RecordAllAsync(events, cancellationToken);
        if (stored.Count > 0)
            await Task.WhenAll(topIntents.CountAsync(stored, cancellationToken), fallbacks.CountAsync(stored, bus, cancellationToken));
        return stored;
    }
}
