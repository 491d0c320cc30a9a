namespace ChatbotPipeline.Backends.Documents;

/// <summary>One turn or event at a time, for callers that have only one (imports, tools, tests).</summary>
public static class SingleRecordExtensions
{
    /// <summary>Stores a turn; false when a turn with its message id is already stored (a redelivery).</summary>
    public static async Task<bool> AppendAsync(this IConversationStore store, ConversationTurn turn, CancellationToken cancellationToken = default) =>
        (await store.AppendAllAsync([turn], cancellationToken)).Count == 1;

    /// <summary>Records an event; false when it was recorded before (a redelivery).</summary>
    public static async Task<bool> RecordAsync(this IAnalyticsStore store, AnalyticsEvent analyticsEvent, CancellationToken cancellationToken = default) =>
        (await store.RecordAllAsync([analyticsEvent], cancellationToken)).Count == 1;
}
