using MongoDB.Bson.Serialization.Attributes;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>Counters of one bot, UTC day and intent: one small document per combination, incremented in place.</summary>
public sealed class AnalyticsCounterDocument
{
    [BsonId]
    public MongoDB.Bson.ObjectId Id { get; init; }

    [BsonElement("botId")]
    public required string BotId { get; init; }

    /// <summary><c>yyyy-MM-dd</c>: sorts and range-filters as text.</summary>
    [BsonElement("day")]
    public required string Day { get; init; }

    [BsonElement("intent")]
    public required string Intent { get; init; }

    [BsonElement("messages")]
    public long Messages { get; init; }

    [BsonElement("fallbacks")]
    public long Fallbacks { get; init; }

    [BsonElement("confidenceSum")]
    public double ConfidenceSum { get; init; }
}

/// <summary>A message id already counted; expires after the configured retention (TTL index on <see cref="CountedAt"/>).</summary>
public sealed class CountedMessageDocument
{
    [BsonId]
    public required string MessageId { get; init; }

    [BsonElement("countedAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime CountedAt { get; init; }
}

/// <summary>What the daily aggregation returns: one day of a bot, with its per-intent counts.</summary>
public sealed class AnalyticsDayResult
{
    [BsonId]
    public required string Day { get; init; }

    [BsonElement("messages")]
    public long Messages { get; init; }

    [BsonElement("fallbacks")]
    public long Fallbacks { get; init; }

    [BsonElement("confidenceSum")]
    public double ConfidenceSum { get; init; }

    [BsonElement("intents")]
    public required List<IntentCount> Intents { get; init; }
}

public sealed class IntentCount
{
    [BsonElement("intent")]
    public required string Intent { get; init; }

    [BsonElement("messages")]
    public long Messages { get; init; }
}
