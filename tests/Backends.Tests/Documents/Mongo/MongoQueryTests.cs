using ChatbotPipeline.Backends.Documents.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Tests.Documents.Mongo;

/// <summary>The indexes, filters, updates and the analytics pipeline as the server would receive them.</summary>
public sealed class MongoQueryTests
{
    private static BsonDocument Doc(string json) => BsonDocument.Parse(json);

    [Fact]
    public void Turn_indexes_serve_conversation_reads_and_time_ranges()
    {
        var indexes = MongoIndexes.Turns;

        Assert.Equal(Doc("{ botId: 1, conversationId: 1, receivedAt: 1 }"), MongoRendering.Render(indexes[0].Keys));
        Assert.Equal(Doc("{ botId: 1, receivedAt: 1 }"), MongoRendering.Render(indexes[1].Keys));
    }

    [Fact]
    public void Parts_and_conversations_are_unique_per_bot_and_analytics_per_bot_day_and_intent()
    {
        Assert.Equal(Doc("{ botId: 1, key: 1 }"), MongoRendering.Render(MongoIndexes.BotParts[0].Keys));
        Assert.True(MongoIndexes.BotParts[0].Options.Unique);
        Assert.Equal(Doc("{ botId: 1, sequence: 1 }"), MongoRendering.Render(MongoIndexes.BotParts[1].Keys));

        Assert.Equal(Doc("{ botId: 1, conversationId: 1 }"), MongoRendering.Render(MongoIndexes.Conversations[0].Keys));
        Assert.True(MongoIndexes.Conversations[0].Options.Unique);
        Assert.Equal(Doc("{ botId: 1, lastMessageAt: -1 }"), MongoRendering.Render(MongoIndexes.Conversations[1].Keys));

        var analytics = Assert.Single(MongoIndexes.AnalyticsEvents);
        Assert.Equal(Doc("{ botId: 1, at: 1 }"), MongoRendering.Render(analytics.Keys));
    }

    [Fact]
    public void Turn_reads_filter_on_the_index_prefix_and_sort_in_received_order()
    {
        Assert.Equal(Doc("{ botId: 'b', conversationId: 'c' }"), MongoRendering.Render(MongoFilters.TurnsOf("b", "c")));
        Assert.Equal(Doc("{ receivedAt: 1, _id: 1 }"), MongoRendering.Render(MongoFilters.TurnOrder));
        Assert.Equal(Doc("{ botId: 'b' }"), MongoRendering.Render(MongoFilters.ConversationsOf("b")));
        Assert.Equal(Doc("{ lastMessageAt: -1 }"), MongoRendering.Render(MongoFilters.MostRecentFirst));
    }

    [Fact]
    public void Saving_a_part_replaces_its_body_and_keeps_its_place()
    {
        var update = MongoRendering.Render(MongoFilters.SavePart(Doc("{ intentId: 'i' }"), 42));

        Assert.Equal(Doc("{ $set: { body: { intentId: 'i' } }, $setOnInsert: { sequence: NumberLong(42) } }"), update);
        Assert.Equal(Doc("{ botId: 'b', key: 'i' }"), MongoRendering.Render(MongoFilters.Part("b", "i")));
    }

    [Fact]
    public void A_new_turn_updates_the_conversation_state_in_place()
    {
        var turn = ConversationStoreContract.Turn("m1");

        var update = MongoRendering.Render(MongoFilters.RecordTurn(turn));

        var at = new BsonDateTime(turn.ReceivedAt.UtcDateTime);
        Assert.Equal(new BsonDocument
        {
            ["$setOnInsert"] = new BsonDocument { ["channel"] = "rest", ["senderId"] = "u1" },
            ["$min"] = new BsonDocument("startedAt", at),
            ["$max"] = new BsonDocument("lastMessageAt", at),
            ["$inc"] = new BsonDocument("turns", 1L),
            ["$set"] = new BsonDocument { ["lastIntent"] = "greet", ["dialogueState"] = "completed" },
        }, update);
    }

    [Fact]
    public void Range_reads_of_turns_and_analytics_events_filter_on_their_bot_and_time_index()
    {
        var from = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddDays(1);

        Assert.Equal(Doc("{ botId: 'b', receivedAt: { $gte: ISODate('2026-11-01T00:00:00Z'), $lt: ISODate('2026-11-02T00:00:00Z') } }"),
            MongoRendering.Render(MongoFilters.TurnsBetween("b", from, to)));
        Assert.Equal(Doc("{ botId: 'b', at: { $gte: ISODate('2026-11-01T00:00:00Z'), $lt: ISODate('2026-11-02T00:00:00Z') } }"),
            MongoRendering.Render(MongoFilters.EventsBetween("b", from, to)));
        Assert.Equal(Doc("{ at: 1, _id: 1 }"), MongoRendering.Render(MongoFilters.EventOrder));
    }
}
