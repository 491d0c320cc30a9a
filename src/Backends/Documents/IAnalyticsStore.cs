namespace ChatbotPipeline.Backends.Documents;

/// <summary>
/// One analytics event per understood message, idempotent on the message id; reports are folded from them
/// (<see cref="Analytics.AnalyticsAggregator"/>), so any span and granularity can be asked for.
/// </summary>
public interface IAnalyticsStore
{
    /// <summary>
    /// Records events together (one transaction where the store has them); returns those newly recorded — an event
    /// whose message id was recorded before (a redelivery) is not returned.
    /// </summary>
    Task<IReadOnlyList<AnalyticsEvent>> RecordAllAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken = default);

    /// <summary>A bot's events in [<paramref name="from"/>, <paramref name="to"/>), oldest first, read as they are enumerated.</summary>
    IAsyncEnumerable<AnalyticsEvent> ReadEventsAsync(string botId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

/// <summary>What analytics keeps of one understood message.</summary>
public sealed record AnalyticsEvent(string MessageId, string BotId, DateTimeOffset At, string Intent, bool IsFallback, double Confidence,
    string SenderId, double NluMilliseconds);
