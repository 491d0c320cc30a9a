using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Backends.Tests.Documents;

/// <summary>What every <see cref="IConversationStore"/> must do; subclassed once per implementation.</summary>
public abstract class ConversationStoreContract
{
    protected abstract IConversationStore Store { get; }

    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static ConversationTurn Turn(string messageId, string conversationId = "c1", int second = 0, string botId = "bot") => new(
        messageId, botId, conversationId, "rest", "u1", $"text {messageId}", "greet", 0.9,
        [new ExtractedEntity("city", "Oslo", 0, 4, 1, "synonyms")], new Dictionary<string, string> { ["city"] = "Oslo" },
        ["Hi!", "How can I help?"], DialogueStates.Completed, "v1", Start.AddSeconds(second), Start.AddSeconds(second + 1),
        [new IntentCandidate("greet", 0.9), new IntentCandidate("goodbye", 0.06)], NluMilliseconds: 1.25 + second);

    [Fact]
    public async Task Appended_turn_reads_back_equal_in_every_field()
    {
        var turn = Turn("m1");

        Assert.True(await Store.AppendAsync(turn));

        var stored = Assert.Single(await Store.GetConversationAsync("bot", "c1"));
        // Records compare collections by reference: compare the scalar fields with the collections set aside, then each collection.
        IReadOnlyList<ExtractedEntity> noEntities = [];
        IReadOnlyDictionary<string, string> noParameters = new Dictionary<string, string>();
        IReadOnlyList<string> noReplies = [];
        Assert.Equal(turn with { Entities = noEntities, Parameters = noParameters, Replies = noReplies, Ranking = null },
            stored with { Entities = noEntities, Parameters = noParameters, Replies = noReplies, Ranking = null });
        Assert.Equal(turn.Ranking, stored.Ranking);
        Assert.Equal(turn.Entities, stored.Entities);
        Assert.Equal(turn.Parameters, stored.Parameters);
        Assert.Equal(turn.Replies, stored.Replies);
    }

    [Fact]
    public async Task A_range_reads_the_bots_turns_from_inclusive_to_exclusive_in_received_order()
    {
        await Store.AppendAsync(Turn("before", second: 9));
        await Store.AppendAsync(Turn("b", conversationId: "c2", second: 12));
        await Store.AppendAsync(Turn("a", second: 10));
        await Store.AppendAsync(Turn("c", second: 12));
        await Store.AppendAsync(Turn("other-bot", botId: "bot2", second: 11));
        await Store.AppendAsync(Turn("at-the-end", second: 20));

        var turns = new List<string>();
        await foreach (var turn in Store.ReadTurnsAsync("bot", Start.AddSeconds(10), Start.AddSeconds(20)))
            turns.Add(turn.MessageId);

        Assert.Equal(["a", "b", "c"], turns);
    }

    [Fact]
    public async Task Deleting_a_range_removes_only_that_bots_turns_in_it()
    {
        await Store.AppendAsync(Turn("old", second: 1));
        await Store.AppendAsync(Turn("kept", second: 30));
        await Store.AppendAsync(Turn("other-bot", botId: "bot2", second: 1));

        Assert.Equal(1, await Store.DeleteTurnsAsync("bot", Start, Start.AddSeconds(30)));

        Assert.Equal(["kept"], (await Store.GetConversationAsync("bot", "c1")).Select(t => t.MessageId));
        Assert.Single(await Store.GetConversationAsync("bot2", "c1"));
    }

    [Fact]
    public async Task A_message_id_is_stored_once()
    {
        Assert.True(await Store.AppendAsync(Turn("m1")));
        Assert.False(await Store.AppendAsync(Turn("m1") with { Text = "changed" }));

        Assert.Equal("text m1", Assert.Single(await Store.GetConversationAsync("bot", "c1")).Text);
    }

    [Fact]
    public async Task A_batch_stores_its_new_turns_and_says_which_they_were()
    {
        await Store.AppendAsync(Turn("m1"));

        var stored = await Store.AppendAllAsync([Turn("m1") with { Text = "again" }, Turn("m2", second: 1), Turn("m2", second: 1), Turn("m3", conversationId: "c2")]);

        Assert.Equal(["m2", "m3"], stored.Select(t => t.MessageId));
        Assert.Equal(["text m1", "text m2"], (await Store.GetConversationAsync("bot", "c1")).Select(t => t.Text));
        Assert.Empty(await Store.AppendAllAsync([]));
    }

    [Fact]
    public async Task A_batch_updates_the_conversation_list_as_single_turns_would()
    {
        await Store.AppendAllAsync([Turn("a2", conversationId: "a", second: 10) with { Intent = "bye" }, Turn("a1", conversationId: "a", second: 0)]);

        var summary = Assert.Single(await Store.ListConversationsAsync("bot", 10));

        Assert.Equal((2, "bye"), (summary.Turns, summary.LastIntent));
    }

    [Fact]
    public async Task Turns_come_back_in_received_order_per_bot_and_conversation()
    {
        await Store.AppendAsync(Turn("late", second: 20));
        await Store.AppendAsync(Turn("early", second: 10));
        await Store.AppendAsync(Turn("other-conversation", conversationId: "c2", second: 15));
        await Store.AppendAsync(Turn("other-bot", botId: "bot2", second: 15));

        Assert.Equal(["early", "late"], (await Store.GetConversationAsync("bot", "c1")).Select(t => t.MessageId));
        Assert.Empty(await Store.GetConversationAsync("bot", "unknown"));
    }

    [Fact]
    public async Task Conversations_are_listed_most_recent_first_with_their_latest_state()
    {
        await Store.AppendAsync(Turn("a1", conversationId: "a", second: 0));
        await Store.AppendAsync(Turn("b1", conversationId: "b", second: 5) with { Intent = "order", DialogueState = DialogueStates.AwaitingParameter });
        await Store.AppendAsync(Turn("a2", conversationId: "a", second: 10) with { Intent = "bye" });
        await Store.AppendAsync(Turn("a2", conversationId: "a", second: 10));
        await Store.AppendAsync(Turn("x1", conversationId: "x", second: 30, botId: "bot2"));

        var conversations = await Store.ListConversationsAsync("bot", 10);

        Assert.Equal(["a", "b"], conversations.Select(c => c.ConversationId));
        var a = conversations[0];
        Assert.Equal((2L, "bye", Start, Start.AddSeconds(10)), (a.Turns, a.LastIntent, a.StartedAt, a.LastMessageAt));
        Assert.Equal(("rest", "u1", "bot"), (a.Channel, a.SenderId, a.BotId));
        Assert.Equal(("order", DialogueStates.AwaitingParameter, 1L), (conversations[1].LastIntent, conversations[1].DialogueState, conversations[1].Turns));
        Assert.Equal(["a"], (await Store.ListConversationsAsync("bot", 1)).Select(c => c.ConversationId));
        Assert.Empty(await Store.ListConversationsAsync("nobody", 10));
    }
}
