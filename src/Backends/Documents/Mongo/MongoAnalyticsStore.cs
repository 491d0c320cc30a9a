using System.Globalization;
using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>
/// Daily counters per bot and intent in MongoDB. A message id is claimed first (a unique insert), then counted; if
/// counting fails the claim is withdrawn so the redelivery counts it, rather than losing it.
/// </summary>
public sealed class MongoAnalyticsStore(MongoDocuments documents, TimeProvider time) : IAnalyticsStore
{
    public async Task<bool> RecordAsync(AnalyticsEvent analyticsEvent, CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        try
        {
            await documents.CountedMessages.InsertOneAsync(
                new CountedMessageDocument { MessageId = analyticsEvent.MessageId, CountedAt = time.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }

        try
        {
            await documents.AnalyticsCounters.UpdateOneAsync(
                MongoFilters.Counter(analyticsEvent.BotId, DayKey(DateOnly.FromDateTime(analyticsEvent.At.UtcDateTime)), analyticsEvent.Intent),
                MongoFilters.Count(analyticsEvent.IsFallback, analyticsEvent.Confidence),
                new UpdateOptions { IsUpsert = true }, cancellationToken);
        }
        catch
        {
            await documents.CountedMessages.DeleteOneAsync(c => c.MessageId == analyticsEvent.MessageId, CancellationToken.None);
            throw;
        }
        return true;
    }

    public async Task<IReadOnlyList<DailyAnalytics>> GetDailyAsync(string botId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        var days = await documents.AnalyticsCounters.Aggregate(MongoFilters.DailyTotals(botId, DayKey(from), DayKey(to)), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        return days.Select(ToDaily).ToList();
    }

    private static DailyAnalytics ToDaily(AnalyticsDayResult day) => new(
        DateOnly.ParseExact(day.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        day.Messages,
        day.Fallbacks,
        day.Messages == 0 ? 0 : (double)day.Fallbacks / day.Messages,
        day.Messages == 0 ? 0 : day.ConfidenceSum / day.Messages,
        day.Intents.ToDictionary(i => i.Intent, i => i.Messages, StringComparer.Ordinal));

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
