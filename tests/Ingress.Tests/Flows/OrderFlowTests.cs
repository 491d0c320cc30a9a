using ChatbotPipeline.Contracts;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>The demo bot's order flow, end to end through the real host: webhook, bus, NLU, log.</summary>
public sealed class OrderFlowTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    [Fact]
    public async Task Asking_for_an_order_prompts_for_its_number_and_the_number_gets_the_status()
    {
        var client = ingress.Factory.CreateClient();
        var admin = ingress.Factory.CreateAdminClient();

        var accepted = await Chat.SendAsync(client, "u1", "where is my order");
        await Chat.TurnsAsync(admin, "u1", 1);
        await Chat.SendAsync(client, "u1", "ORD12345");
        var conversation = await Chat.TurnsAsync(admin, "u1", 2);

        Assert.Equal("u1", accepted.GetProperty("conversationId").GetString());
        Assert.Equal(32, accepted.GetProperty("messageId").GetString()!.Length);
        var (ask, answer) = (conversation.Turns[0], conversation.Turns[1]);
        Assert.Equal(("where is my order", "order_status", DialogueStates.AwaitingParameter), (ask.Text, ask.Intent, ask.DialogueState));
        Assert.Contains(ask.Replies, r => r.Contains("order number", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(("ORD12345", "order_status", DialogueStates.Completed), (answer.Text, answer.Intent, answer.DialogueState));
        Assert.Equal("ORD12345", answer.Parameters["order_number"]);
        Assert.Contains(answer.Replies, r => r.Contains("ORD12345"));
        Assert.Equal("order_number", Assert.Single(answer.Entities).Entity);
        Assert.All(conversation.Turns, t => Assert.False(string.IsNullOrEmpty(t.ModelVersion)));
        Assert.All(conversation.Turns, t => Assert.True(t.ProcessedAt >= t.ReceivedAt));
        Assert.All(conversation.Turns, t => Assert.InRange(t.Confidence, 0.0, 1.0));
    }

    [Fact]
    public async Task Cancel_ends_the_order_question()
    {
        var client = ingress.Factory.CreateClient();
        var admin = ingress.Factory.CreateAdminClient();

        await Chat.SendAsync(client, "u2", "where is my order");
        await Chat.TurnsAsync(admin, "u2", 1);
        await Chat.SendAsync(client, "u2", "cancel");
        var turns = (await Chat.TurnsAsync(admin, "u2", 2)).Turns;

        Assert.Equal(("cancel", DialogueStates.Cancelled), (turns[1].Intent, turns[1].DialogueState));
        Assert.Equal("Okay, cancelled.", turns[1].Replies[0]);
    }

    [Fact]
    public async Task Gibberish_gets_the_fallback_and_is_counted_in_analytics()
    {
        var client = ingress.Factory.CreateClient();
        var admin = ingress.Factory.CreateAdminClient();

        await Chat.SendAsync(client, "u3", "qwxz plorkk vbnm");
        var turn = Assert.Single((await Chat.TurnsAsync(admin, "u3", 1)).Turns);

        Assert.Equal((SystemIntentsFallback, DialogueStates.Fallback), (turn.Intent, turn.DialogueState));
        Assert.StartsWith("Sorry", turn.Replies[0]);
    }

    private const string SystemIntentsFallback = Nlu.Definitions.SystemIntents.Fallback;
}
