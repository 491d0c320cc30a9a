using MongoDB.Bson.Serialization.Attributes;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>One understood message for analytics; the message id is the <c>_id</c>, so a redelivery cannot be stored twice.</summary>
public sealed class AnalyticsEventDocument
{
    [BsonId]
    public required string MessageId { get; init; }

    [BsonElement("botId")]
    public required string BotId { get; init; }

    [BsonElement("at"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime At { get; init; }

    [BsonElement("senderId")]
    public required string SenderId { get; init; }

    [BsonElement("intent")]
    public required string Intent { get; init; }

    [BsonElement("fallback")]
    public bool Fallback { get; init; }

    [BsonElement("confidence")]
    public double Confidence { get; init; }

    [BsonElement("nluMs")]
    public double NluMilliseconds { get; init; }

    public static AnalyticsEventDocument From(AnalyticsEvent analyticsEvent) => new()
    {
        MessageId = analyticsEvent.MessageId,
        BotId = analyticsEvent.BotId,
        At = analyticsEvent.At.UtcDateTime,
        SenderId = analyticsEvent.SenderId,
        Intent = analyticsEvent.Intent,
        Fallback = analyticsEvent.IsFallback,
        Confidence = analyticsEvent.Confidence,
        NluMilliseconds = analyticsEvent.NluMilliseconds,
    };

    public AnalyticsEvent ToEvent() => new(MessageId, BotId, new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)), Intent, Fallback,
        Confidence, SenderId, NluMilliseconds);
}
