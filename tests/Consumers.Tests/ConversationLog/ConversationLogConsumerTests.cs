using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;
using MassTransit;
using MassTransit.Testing;

namespace ChatbotPipeline.Consumers.Tests.ConversationLog;

public sealed class ConversationLogConsumerTests : IAsyncLifetime
{
    private readonly PipelineTestHost _host = new();

    public async ValueTask InitializeAsync() => await _host.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Each_understood_message_is_logged_once_however_often_it_is_delivered()
    {
        var understood = Some.Understood(Some.Message("hi"), "greet", "Hello!", "How can I help?");

        await _host.Harness.Bus.Publish(understood);
        await _host.Harness.Bus.Publish(understood);

        var turns = await Eventually.AtLeastAsync(1, () => _host.Get<IConversationStore>().GetConversationAsync(Some.BotId, "c1").Result);
        await Eventually.AtLeastAsync(2, () => _host.Harness.Consumed.Select<MessageUnderstood>());
        var turn = Assert.Single(await _host.Get<IConversationStore>().GetConversationAsync(Some.BotId, "c1"));
        Assert.Equal((understood.Message.MessageId, "hi", "greet", 0.9), (turn.MessageId, turn.Text, turn.Intent, turn.Confidence));
        Assert.Equal(["Hello!", "How can I help?"], turn.Replies);
        Assert.False(await _host.Harness.Published.Any<Fault<MessageUnderstood>>());
        Assert.Single(turns);
    }
}
