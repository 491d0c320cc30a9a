using System.Runtime.CompilerServices;
using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>Analytics events in MongoDB, one document per message id, read back by bot and time.</summary>
public sealed class MongoAnalyticsStore(MongoDocuments documents) : IAnalyticsStore
{
    public async Task<IReadOnlyList<AnalyticsEvent>> RecordAllAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        var inserted = await MongoInserts.InsertNewAsync(documents.AnalyticsEvents, events.Select(AnalyticsEventDocument.From).ToList(), cancellationToken);
        return inserted.Select(i => events[i]).ToList();
    }

    public async IAsyncEnumerable<AnalyticsEvent> ReadEventsAsync(string botId, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await documents.ReadyAsync(cancellationToken);
        using var cursor = await documents.AnalyticsEvents.Find(MongoFilters.EventsBetween(botId, from, to)).Sort(MongoFilters.EventOrder)
            .ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
            foreach (var document in cursor.Current)
                yield return document.ToEvent();
    }
}
