using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>Inserting documents keyed by message id, where one already stored (a redelivery) is skipped, not an error.</summary>
internal static class MongoInserts
{
    /// <summary>
    /// Inserts <paramref name="documents"/> in one unordered bulk write; returns the positions of those newly stored.
    /// Any error other than a duplicate key is thrown.
    /// </summary>
    public static async Task<IReadOnlyList<int>> InsertNewAsync<T>(IMongoCollection<T> collection, IReadOnlyList<T> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
            return [];
        try
        {
            await collection.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }, cancellationToken);
            return Enumerable.Range(0, documents.Count).ToList();
        }
        catch (MongoBulkWriteException<T> exception)
            when (exception.WriteConcernError is null && exception.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            var duplicates = exception.WriteErrors.Select(e => e.Index).ToHashSet();
            return Enumerable.Range(0, documents.Count).Where(i => !duplicates.Contains(i)).ToList();
        }
    }
}
