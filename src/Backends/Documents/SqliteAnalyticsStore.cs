using System.Globalization;
using Dapper;

namespace ChatbotPipeline.Backends.Documents;

/// <summary>Daily counters per bot and intent in SQLite; a message is counted once, in the same transaction as its counters.</summary>
public sealed class SqliteAnalyticsStore(SqliteDatabase database) : IAnalyticsStore
{
    public Task<bool> RecordAsync(AnalyticsEvent analyticsEvent, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async connection =>
        {
            await using var transaction = connection.BeginTransaction();
            var first = await connection.ExecuteAsync("INSERT OR IGNORE INTO analytics_counted (message_id) VALUES (@MessageId)",
                new { analyticsEvent.MessageId }, transaction) == 1;
            if (!first)
                return false;
            await connection.ExecuteAsync(
                """
                INSERT INTO analytics_daily (bot_id, day, intent, messages, fallbacks, confidence_sum)
                VALUES (@BotId, @Day, @Intent, 1, @Fallback, @Confidence)
                ON CONFLICT DO UPDATE SET messages = messages + 1, fallbacks = fallbacks + excluded.fallbacks,
                                          confidence_sum = confidence_sum + excluded.confidence_sum
                """,
                new
                {
                    analyticsEvent.BotId,
                    Day = DayKey(DateOnly.FromDateTime(analyticsEvent.At.UtcDateTime)),
                    analyticsEvent.Intent,
                    Fallback = analyticsEvent.IsFallback ? 1 : 0,
                    analyticsEvent.Confidence,
                }, transaction);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<DailyAnalytics>> GetDailyAsync(string botId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DailyRow>(
            """
            SELECT day AS Day, intent AS Intent, messages AS Messages, fallbacks AS Fallbacks, confidence_sum AS ConfidenceSum
            FROM analytics_daily WHERE bot_id = @botId AND day BETWEEN @From AND @To ORDER BY day, intent
            """,
            new { botId, From = DayKey(from), To = DayKey(to) });
        return rows.GroupBy(r => r.Day).Select(ToDaily).ToList();
    }

    private static DailyAnalytics ToDaily(IGrouping<string, DailyRow> day)
    {
        var messages = day.Sum(r => r.Messages);
        var fallbacks = day.Sum(r => r.Fallbacks);
        return new DailyAnalytics(
            DateOnly.ParseExact(day.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            messages,
            fallbacks,
            messages == 0 ? 0 : (double)fallbacks / messages,
            messages == 0 ? 0 : day.Sum(r => r.ConfidenceSum) / messages,
            day.ToDictionary(r => r.Intent, r => r.Messages));
    }

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record DailyRow(string Day, string Intent, long Messages, long Fallbacks, double ConfidenceSum);
}
