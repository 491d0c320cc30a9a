using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>Feeds the replies of conversations followed by a web-chat page to the pages connected to this instance.</summary>
public sealed class ChatStreamConsumer(ChatStreamHub hub) : IConsumer<ChatStreamReply>
{
    public Task Consume(ConsumeContext<ChatStreamReply> context)
    {
        var reply = context.Message;
        hub.Publish(reply.BotId, reply.ConversationId,
            new ChatReply(reply.MessageId, reply.Intent, reply.Confidence, reply.DialogueState, reply.Replies, reply.Buttons));
        return Task.CompletedTask;
    }
}

/// <summary>
/// A chat page is connected to one Ingress instance, so every instance needs every page's replies:
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
