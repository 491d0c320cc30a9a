using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>
/// The small current state of one conversation, updated with every new turn: a fixed set of fields, so it never
/// grows with the conversation (the turns themselves are separate, append-only documents).
/// </summary>
public sealed class ConversationDocument
{
    [BsonId]
    public ObjectId Id { get; init; }

    [BsonElement("botId")]
    public required string BotId { get; init; }

    [BsonElement("conversationId")]
    public required string ConversationId { get; init; }

    [BsonElement("channel")]
    public required string Channel { get; init; }

    [BsonElement("senderId")]
    public required string SenderId { get; init; }

    [BsonElement("startedAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime StartedAt { get; init; }

    [BsonElement("lastMessageAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime LastMessageAt { get; init; }

    [BsonElement("turns")]
    public long Turns { get; init; }

    [BsonElement("lastIntent")]
    public required string LastIntent { get; init; }

    [BsonElement("dialogueState")]
    public required string DialogueState { get; init; }

    public ConversationSummary ToSummary() => new(
        BotId, ConversationId, Channel, SenderId,
        new DateTimeOffset(DateTime.SpecifyKind(StartedAt, DateTimeKind.Utc)),
        new DateTimeOffset(DateTime.SpecifyKind(LastMessageAt, DateTimeKind.Utc)),
        Turns, LastIntent, DialogueState);
}
