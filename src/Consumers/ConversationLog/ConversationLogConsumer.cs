using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Consumers.Records;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.ConversationLog;

/// <summary>Appends each understood message to its conversation's log, once per message id, in batches with the messages consumed beside it.</summary>
public sealed partial class ConversationLogConsumer(RecordBatcher<ConversationTurn> turns, ILogger<ConversationLogConsumer> logger) : IConsumer<MessageUnderstood>
{
    public async Task Consume(ConsumeContext<MessageUnderstood> context)
    {
        if (!await turns.StoreAsync(ConversationTurn.From(context.Message), context.CancellationToken))
            LogDuplicate(context.Message.Message.MessageId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {MessageId} was already logged")]
    private partial void LogDuplicate(string messageId);
}
