using ChatbotPipeline.Contracts;
using MongoDB.Bson.Serialization.Attributes;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>
/// A conversation turn as MongoDB keeps it: the message id is the document id (so a redelivery cannot store it twice),
/// times are BSON dates (UTC, millisecond precision) so they sort and range-filter, and parameters are name/value
/// pairs because parameter names come from bot authors and may hold the dots and dollars field names cannot.
/// </summary>
public sealed class TurnDocument
{
    [BsonId]
    public required string MessageId { get; init; }

    [BsonElement("botId")]
    public required string BotId { get; init; }

    [BsonElement("conversationId")]
    public required string ConversationId { get; init; }

    [BsonElement("channel")]
    public required string Channel { get; init; }

    [BsonElement("senderId")]
    public required string SenderId { get; init; }

    [BsonElement("text")]
    public required string Text { get; init; }

    [BsonElement("intent")]
    public required string Intent { get; init; }

    [BsonElement("confidence")]
    public double Confidence { get; init; }

    [BsonElement("entities")]
    public required List<EntityDocument> Entities { get; init; }

    [BsonElement("parameters")]
    public required List<ParameterDocument> Parameters { get; init; }

    [BsonElement("replies")]
    public required List<string> Replies { get; init; }

    [BsonElement("dialogueState")]
    public required string DialogueState { get; init; }

    [BsonElement("modelVersion"), BsonIgnoreIfNull]
    public string? ModelVersion { get; init; }

    [BsonElement("receivedAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime ReceivedAt { get; init; }

    [BsonElement("processedAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime ProcessedAt { get; init; }

    [BsonElement("ranking"), BsonIgnoreIfNull]
    public List<CandidateDocument>? Ranking { get; init; }

    [BsonElement("nluMilliseconds"), BsonIgnoreIfNull]
    public double? NluMilliseconds { get; init; }

    public static TurnDocument From(ConversationTurn turn) => new()
    {
        MessageId = turn.MessageId,
        BotId = turn.BotId,
        ConversationId = turn.ConversationId,
        Channel = turn.Channel,
        SenderId = turn.SenderId,
        Text = turn.Text,
        Intent = turn.Intent,
        Confidence = turn.Confidence,
        Entities = turn.Entities.Select(EntityDocument.From).ToList(),
        Parameters = turn.Parameters.Select(p => new ParameterDocument { Name = p.Key, Value = p.Value }).ToList(),
        Replies = turn.Replies.ToList(),
        DialogueState = turn.DialogueState,
        ModelVersion = turn.ModelVersion,
        ReceivedAt = turn.ReceivedAt.UtcDateTime,
        ProcessedAt = turn.ProcessedAt.UtcDateTime,
        Ranking = turn.Ranking?.Select(c => new CandidateDocument { Intent = c.Intent, Confidence = c.Confidence }).ToList(),
        NluMilliseconds = turn.NluMilliseconds,
    };

    public ConversationTurn ToTurn() => new(
        MessageId, BotId, ConversationId, Channel, SenderId, Text, Intent, Confidence,
        Entities.Select(e => e.ToEntity()).ToList(),
        Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
        Replies, DialogueState, ModelVersion, Utc(ReceivedAt), Utc(ProcessedAt),
        Ranking?.Select(c => new IntentCandidate(c.Intent, c.Confidence)).ToList(), NluMilliseconds);

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

public sealed class CandidateDocument
{
    [BsonElement("intent")]
    public required string Intent { get; init; }

    [BsonElement("confidence")]
    public double Confidence { get; init; }
}

public sealed class EntityDocument
{
    [BsonElement("entity")]
    public required string Entity { get; init; }

    [BsonElement("value")]
    public required string Value { get; init; }

    [BsonElement("start")]
    public int Start { get; init; }

    [BsonElement("end")]
    public int End { get; init; }

    [BsonElement("confidence")]
    public double Confidence { get; init; }

    [BsonElement("extractor")]
    public required string Extractor { get; init; }

    public static EntityDocument From(ExtractedEntity entity) => new()
    {
        Entity = entity.Entity, Value = entity.Value, Start = entity.Start, End = entity.End,
        Confidence = entity.Confidence, Extractor = entity.Extractor,
    };

    public ExtractedEntity ToEntity() => new(Entity, Value, Start, End, Confidence, Extractor);
}

public sealed class ParameterDocument
{
    [BsonElement("name")]
    public required string Name { get; init; }

    [BsonElement("value")]
    public required string Value { get; init; }
}
