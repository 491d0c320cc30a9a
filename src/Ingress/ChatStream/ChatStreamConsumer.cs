using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>Feeds understood messages to the chat pages connected to this instance.</summary>
public sealed class ChatStreamConsumer(ChatStreamHub hub) : IConsumer<MessageUnderstood>
{
    public Task Consume(ConsumeContext<MessageUnderstood> context)
    {
        var understood = context.Message;
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
