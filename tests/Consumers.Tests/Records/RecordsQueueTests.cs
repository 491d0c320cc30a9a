using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Consumers.Analytics;
using ChatbotPipeline.Consumers.ConversationLog;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Tests.Records;

/// <summary>One delivery on the records queue is both a conversation turn and an analytics event.</summary>
public sealed class RecordsQueueTests
{
    [Fact]
    public async Task A_verdict_is_logged_and_counted_from_one_queue()
    {
        await using var host = new PipelineTestHost();
        await host.StartAsync();
        var verdict = Some.Understood(Some.Message("hello there", conversationId: "records-1"), "greet");

        await host.Harness.Bus.Publish(verdict, TestContext.Current.CancellationToken);

        var turns = host.Get<IConversationStore>();
        await Eventually.TrueAsync(() => turns.GetConversationAsync(Some.BotId, "records-1").Result.Count == 1);
        // The two records are written by two batchers: the event may land a moment after the turn.
        Task<List<AnalyticsEvent>> EventsAsync() => host.Get<IAnalyticsStore>()
            .ReadEventsAsync(Some.BotId, verdict.Message.ReceivedAt.AddMinutes(-1), verdict.Message.ReceivedAt.AddMinutes(1)).ToListAsync().AsTask();
        await Eventually.TrueAsync(() => EventsAsync().Result.Count > 0);
        Assert.Equal(verdict.Message.MessageId, Assert.Single(await EventsAsync()).MessageId);
        Assert.True(await host.Harness.GetConsumerHarness<ConversationLogConsumer>().Consumed.Any<MessageUnderstood>());
        Assert.True(await host.Harness.GetConsumerHarness<AnalyticsConsumer>().Consumed.Any<MessageUnderstood>());
    }
}
