using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.ConversationLog;

/// <summary>Appends each understood message to its conversation's log, once per message id.</summary>
public sealed partial class ConversationLogConsumer(IConversationStore conversations, ILogger<ConversationLogConsumer> logger) : IConsumer<MessageUnderstood>
{
    public async Task Consume(ConsumeContext<MessageUnderstood> context)
    {
        if (!await conversations.AppendAsync(ConversationTurn.From(context.Message), context.CancellationToken))
            LogDuplicate(context.Message.Message.MessageId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {MessageId} was already logged")]
    private partial void LogDuplicate(string messageId);
}
