namespace ChatbotPipeline.Backends.Documents;

/// <summary>Counters per bot, day and intent; idempotent on the message id.</summary>
public interface IAnalyticsStore
{
    /// <summary>Counts a message; false when it was counted before (a redelivery).</summary>
    Task<bool> RecordAsync(AnalyticsEvent analyticsEvent, CancellationToken cancellationToken = default);

    /// <summary>One row per day in [<paramref name="from"/>, <paramref name="to"/>] that had messages, in date order.</summary>
    Task<IReadOnlyList<DailyAnalytics>> GetDailyAsync(string botId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}

/// <summary>What analytics counts of one understood message.</summary>
public sealed record AnalyticsEvent(string MessageId, string BotId, DateTimeOffset At, string Intent, bool IsFallback, double Confidence);

/// <summary>A day of a bot's traffic.</summary>
/// <param name="Intents">Messages per answering intent (including <c>fallback</c>).</param>
public sealed record DailyAnalytics(DateOnly Day, long Messages, long Fallbacks, double FallbackRate, double MeanConfidence, IReadOnlyDictionary<string, long> Intents);
