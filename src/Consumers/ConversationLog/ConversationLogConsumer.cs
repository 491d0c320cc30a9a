using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.ConversationLog;

/// <summary>Appends understood messages to their conversations' logs, a batch at a time, once per message id.</summary>
public sealed partial class ConversationLogConsumer(IConversationStore conversations, ILogger<ConversationLogConsumer> logger) : IConsumer<Batch<MessageUnderstood>>
{
    public async Task Consume(ConsumeContext<Batch<MessageUnderstood>> context)
    {
        var turns = context.Message.Select(consumed => ConversationTurn.From(consumed.Message)).ToList();
        var stored = await conversations.AppendAllAsync(turns, context.CancellationToken);
        if (stored.Count < turns.Count)
            LogDuplicates(turns.Count - stored.Count, turns.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Duplicates} of {Turns} turns were already logged")]
    private partial void LogDuplicates(int duplicates, int turns);
}
