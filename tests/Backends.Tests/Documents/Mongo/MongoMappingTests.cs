using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Documents.Mongo;
using ChatbotPipeline.Nlu.Definitions;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace ChatbotPipeline.Backends.Tests.Documents.Mongo;

/// <summary>How turns, bots and their parts look as BSON, checked without a server.</summary>
public sealed class MongoMappingTests
{
    private static readonly ConversationTurn Turn = ConversationStoreContract.Turn("m1") with
    {
        Parameters = new Dictionary<string, string> { ["city"] = "Oslo", ["price.max"] = "10", ["$note"] = "x" },
    };

    [Fact]
    public void A_turn_is_keyed_by_message_id_with_typed_fields()
    {
        var bson = TurnDocument.From(Turn).ToBsonDocument();

        Assert.Equal(
            ["_id", "botId", "conversationId", "channel", "senderId", "text", "intent", "confidence", "entities", "parameters", "replies",
             "dialogueState", "modelVersion", "receivedAt", "processedAt", "ranking", "nluMilliseconds"],
            bson.Names);
        Assert.Equal("m1", bson["_id"].AsString);
        Assert.Equal(BsonType.DateTime, bson["receivedAt"].BsonType);
        Assert.Equal(Turn.ReceivedAt.ToUnixTimeMilliseconds(), bson["receivedAt"].AsBsonDateTime.MillisecondsSinceEpoch);
        Assert.Equal(BsonType.Double, bson["confidence"].BsonType);
        Assert.Equal(new BsonDocument { ["entity"] = "city", ["value"] = "Oslo", ["start"] = 0, ["end"] = 4, ["confidence"] = 1.0, ["extractor"] = "synonyms" },
            bson["entities"][0].AsBsonDocument);
    }

    [Fact]
    public void An_analytics_event_is_keyed_by_message_id_and_reads_back_equal()
    {
        var analyticsEvent = new AnalyticsEvent("m1", "bot", new DateTimeOffset(2026, 11, 1, 12, 0, 0, 250, TimeSpan.Zero), "greet", true, 0.25, "u1", 3.5);

        var bson = AnalyticsEventDocument.From(analyticsEvent).ToBsonDocument();

        Assert.Equal(["_id", "botId", "at", "senderId", "intent", "fallback", "confidence", "nluMs"], bson.Names);
        Assert.Equal(BsonType.DateTime, bson["at"].BsonType);
        Assert.Equal(analyticsEvent, BsonSerializer.Deserialize<AnalyticsEventDocument>(bson).ToEvent());
    }

    [Fact]
    public void Parameter_names_with_dots_and_dollars_are_values_not_field_names()
    {
        var parameters = TurnDocument.From(Turn).ToBsonDocument()["parameters"].AsBsonArray;

        Assert.Equal(["city", "price.max", "$note"], parameters.Select(p => p["name"].AsString));
        Assert.All(parameters, p => Assert.Equal(["name", "value"], p.AsBsonDocument.Names));
    }

    [Fact]
    public void A_turn_reads_back_equal_from_its_bson()
    {
        var read = BsonSerializer.Deserialize<TurnDocument>(TurnDocument.From(Turn).ToBsonDocument()).ToTurn();

        Assert.Equal(Turn.Entities, read.Entities);
        Assert.Equal(Turn.Parameters, read.Parameters);
        Assert.Equal(Turn.Replies, read.Replies);
        Assert.Equal(Turn.Ranking, read.Ranking);
        Assert.Equal(Turn with { Entities = read.Entities, Parameters = read.Parameters, Replies = read.Replies, Ranking = read.Ranking }, read);
        Assert.Equal(TimeSpan.Zero, read.ReceivedAt.Offset);
    }

    [Fact]
    public void A_turn_without_model_version_leaves_the_field_out_and_times_keep_milliseconds()
    {
        var turn = Turn with { ModelVersion = null, ReceivedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567) };

        var bson = TurnDocument.From(turn).ToBsonDocument();
        var read = BsonSerializer.Deserialize<TurnDocument>(bson).ToTurn();

        Assert.False(bson.Contains("modelVersion"));
        Assert.Equal(new BsonDocument { ["intent"] = "greet", ["confidence"] = 0.9 }, bson["ranking"][0].AsBsonDocument);
        Assert.Null(read.ModelVersion);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, 123, TimeSpan.Zero), read.ReceivedAt);
    }

    [Fact]
    public void Bot_settings_intents_and_entities_keep_the_shared_document_shape()
    {
        var bot = new Bot("b", "Bot", 0.35, 12, AmbiguityMargin: 0.1, TrainingCron: "0 0 * * * ?");
        var intent = new Intent("order", "Order", "Done {size}", [new IntentParameter("size", "size", true, "Which size?")],
            [new TrainingPhrase("a large one", [new PhraseEntity("large", 2, 7, "size")])]);
        var entity = new EntityType("size", [new EntityValue("large", ["big", "huge"])], [@"\bXL\b"]);

        Assert.Equal(bot, BsonJson.FromBson<Bot>(BsonJson.ToBson(bot)));
        Assert.Equal(DocumentJson.Serialize(intent), DocumentJson.Serialize(BsonJson.FromBson<Intent>(BsonJson.ToBson(intent))));
        Assert.Equal(DocumentJson.Serialize(entity), DocumentJson.Serialize(BsonJson.FromBson<EntityType>(BsonJson.ToBson(entity))));
        Assert.Equal(0.35, BsonJson.ToBson(bot)["fallbackThreshold"].AsDouble);
    }

    [Fact]
    public void A_conversation_state_has_a_fixed_set_of_fields()
    {
        var state = new ConversationDocument
        {
            BotId = "b", ConversationId = "c", Channel = "rest", SenderId = "u", LastIntent = "greet", DialogueState = "completed",
            StartedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), LastMessageAt = new DateTime(2026, 11, 1, 0, 5, 0, DateTimeKind.Utc), Turns = 3,
        };

        var bson = state.ToBsonDocument();

        Assert.Equal(["_id", "botId", "conversationId", "channel", "senderId", "startedAt", "lastMessageAt", "turns", "lastIntent", "dialogueState"], bson.Names);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 5, 0, TimeSpan.Zero), BsonSerializer.Deserialize<ConversationDocument>(bson).ToSummary().LastMessageAt);
    }

    [Theory]
    [InlineData("mongodb://localhost:27017", true)]
    [InlineData("mongodb://user:secret@db1,db2/?replicaSet=rs0&w=majority", true)]
    [InlineData("mongodb+srv://cluster0.example.net", true)]
    [InlineData("", false)]
    [InlineData("localhost:27017", false)]
    [InlineData("http://localhost:27017", false)]
    public void Connection_strings_are_checked_before_connecting(string connectionString, bool valid) =>
        Assert.Equal(valid, MongoConnection.IsValid(connectionString));
}
