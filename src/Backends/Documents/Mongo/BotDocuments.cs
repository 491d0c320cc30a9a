using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization.Attributes;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>
/// A bot's settings with its revision (raised by every change) and the sequence that orders its intents and entity
/// types. The settings are kept in the shared <see cref="DocumentJson"/> shape: nothing queries inside them.
/// </summary>
public sealed class BotDocument
{
    [BsonId]
    public required string Id { get; init; }

    [BsonElement("settings")]
    public required BsonDocument Settings { get; init; }

    [BsonElement("revision")]
    public long Revision { get; init; }

    [BsonElement("nextSequence")]
    public long NextSequence { get; init; }
}

/// <summary>One intent or entity type of a bot, in its own document so a bot never grows into one unbounded document.</summary>
public sealed class BotPartDocument
{
    [BsonId]
    public ObjectId Id { get; init; }

    [BsonElement("botId")]
    public required string BotId { get; init; }

    /// <summary>The intent id or entity type name: unique per bot.</summary>
    [BsonElement("key")]
    public required string Key { get; init; }

    /// <summary>When the part was first added, from the bot's sequence; replacing a part keeps its place.</summary>
    [BsonElement("sequence")]
    public long Sequence { get; init; }

    [BsonElement("body")]
    public required BsonDocument Body { get; init; }
}

/// <summary>Converts definitions to and from BSON through <see cref="DocumentJson"/>, so both stores keep one shape.</summary>
public static class BsonJson
{
    private static readonly JsonWriterSettings PlainJson = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    public static BsonDocument ToBson<T>(T value) => BsonDocument.Parse(DocumentJson.Serialize(value));

    public static T FromBson<T>(BsonDocument document) => DocumentJson.Deserialize<T>(document.ToJson(PlainJson));
}
