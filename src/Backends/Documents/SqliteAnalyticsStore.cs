using System.Runtime.CompilerServices;
using Dapper;

namespace ChatbotPipeline.Backends.Documents;

/// <summary>Analytics events in SQLite, one row per message id, read back by bot and time.</summary>
public sealed class SqliteAnalyticsStore(SqliteDatabase database) : IAnalyticsStore
{
    public Task<IReadOnlyList<AnalyticsEvent>> RecordAllAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken = default) =>
        database.WriteInTransactionAsync<IReadOnlyList<AnalyticsEvent>>(async (connection, transaction) =>
        {
            var recorded = new List<AnalyticsEvent>(events.Count);
            foreach (var analyticsEvent in events)
            {
                if (await connection.ExecuteAsync(
                        """
                        INSERT OR IGNORE INTO analytics_events (message_id, bot_id, at, sender_id, intent, fallback, confidence, nlu_ms)
                        VALUES (@MessageId, @BotId, @At, @SenderId, @Intent, @IsFallback, @Confidence, @NluMilliseconds)
                        """,
                        new
                        {
                            analyticsEvent.MessageId, analyticsEvent.BotId, At = analyticsEvent.At.ToUnixTimeMilliseconds(), analyticsEvent.SenderId,
                            analyticsEvent.Intent, analyticsEvent.IsFallback, analyticsEvent.Confidence, analyticsEvent.NluMilliseconds,
                        }, transaction) == 1)
                    recorded.Add(analyticsEvent);
            }
            return recorded;
        }, cancellationToken);

    public async IAsyncEnumerable<AnalyticsEvent> ReadEventsAsync(string botId, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<EventRow>(
            """
            SELECT message_id AS MessageId, at AS At, sender_id AS SenderId, intent AS Intent, fallback AS Fallback, confidence AS Confidence, nlu_ms AS NluMilliseconds
            FROM analytics_events WHERE bot_id = @botId AND at >= @from AND at < @to ORDER BY at, message_id
            """,
            new { botId, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() });
        await foreach (var row in rows.WithCancellation(cancellationToken))
            yield return new AnalyticsEvent(row.MessageId, botId, DateTimeOffset.FromUnixTimeMilliseconds(row.At), row.Intent, row.Fallback != 0,
                row.Confidence, row.SenderId, row.NluMilliseconds);
    }

    private sealed class EventRow
    {
        public string MessageId { get; init; } = "";
        public long At { get; init; }
        public string SenderId { get; init; } = "";
        public string Intent { get; init; } = "";
        public long Fallback { get; init; }
        public double Confidence { get; init; }
        public double NluMilliseconds { get; init; }
    }
}
