using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>
/// Which queues each event goes to on SQS, where there is no exchange to bind to: the durable queues of the consumers
/// subscribed to it, plus the per-instance queues (chat streams, model notices) that exist while their host runs.
/// </summary>
public static class SqsRoutes
{
    /// <summary>Prefixes of per-instance queues, found by listing when an event they take is published.</summary>
    public const string ChatStreamPrefix = "chat-stream-";
    public const string ModelPublishedPrefix = "model-published-";

    public static IReadOnlyList<string> DurableQueues(Type messageType) =>
        messageType == typeof(MessageReceived) ? [QueueNames.Nlu]
        : messageType == typeof(MessageUnderstood) ? [QueueNames.Records, QueueNames.Notification]
        : messageType == typeof(TrainingRequested) ? [QueueNames.Training]
        : messageType == typeof(ExportRequested) ? [QueueNames.Export]
        : messageType == typeof(ActionRequested) ? [QueueNames.Action]
        // Alerts, and the faults of pipeline messages they are raised on, are the notification consumer's.
        : messageType == typeof(OperatorAlert) || messageType == typeof(MessageDeadLettered) || IsPipelineFault(messageType) ? [QueueNames.Notification]
        : [];

    private static bool IsPipelineFault(Type messageType) =>
        messageType.IsGenericType && messageType.GetGenericTypeDefinition() == typeof(MassTransit.Fault<>)
        && messageType.GetGenericArguments()[0] is var faulted
        && (faulted == typeof(MessageReceived) || faulted == typeof(MessageUnderstood) || faulted == typeof(TrainingRequested) || faulted == typeof(ExportRequested)
            || faulted == typeof(ActionRequested));

    public static string? InstanceQueuePrefix(Type messageType) =>
        messageType == typeof(ChatStreamReply) ? ChatStreamPrefix
        : messageType == typeof(ModelPublished) ? ModelPublishedPrefix
        : null;

    /// <summary>What orders a message on FIFO queues: its conversation, or its bot for bot-wide events.</summary>
    public static string GroupKey(object message) => Fit(message switch
    {
        MessageReceived received => $"{received.BotId}/{received.ConversationId}",
        MessageUnderstood understood => $"{understood.Message.BotId}/{understood.Message.ConversationId}",
        ActionRequested action => $"{action.Understood.Message.BotId}/{action.Understood.Message.ConversationId}",
        ChatStreamReply reply => $"{reply.BotId}/{reply.ConversationId}",
        TrainingRequested training => training.BotId,
        ModelPublished published => published.BotId,
        _ => message.GetType().Name,
    });

    /// <summary>SQS takes group ids of at most 128 characters: longer ones (long sender ids) are hashed.</summary>
    private static string Fit(string key) =>
        key.Length <= 128 ? key : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
