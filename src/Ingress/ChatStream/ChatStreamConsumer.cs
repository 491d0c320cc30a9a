using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>Feeds understood messages of REST conversations to the chat pages connected to this instance; a platform's
/// conversation is never streamed (its replies go to the platform).</summary>
public sealed class ChatStreamConsumer(ChatStreamHub hub) : IConsumer<MessageUnderstood>
{
    public Task Consume(ConsumeContext<MessageUnderstood> context)
    {
        var understood = context.Message;
        if (understood.Message.Channel != ChannelNames.Rest)
            return Task.CompletedTask;
        hub.Publish(understood.Message.BotId, understood.Message.ConversationId, new ChatReply(
            understood.Message.MessageId, understood.Intent, understood.Confidence, understood.DialogueState, understood.Replies,
            understood.Buttons ?? []));
        return Task.CompletedTask;
    }
}

/// <summary>
/// A chat page is connected to one Ingress instance, so every instance needs every reply:
/// each gets its own temporary queue rather than competing for one.
/// </summary>
public sealed class ChatStreamConsumerDefinition : ConsumerDefinition<ChatStreamConsumer>
{
    public ChatStreamConsumerDefinition() =>
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
}
