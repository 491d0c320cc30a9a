namespace ChatbotPipeline.Contracts;

/// <summary>
/// The queue each consumer reads, as MassTransit's kebab-case formatter names it.
/// KEDA objects and the Helm chart depend on these names: a test pins them, change them only on purpose.
/// </summary>
public static class QueueNames
{
    public const string Nlu = "nlu";
    public const string ConversationLog = "conversation-log";
    public const string Analytics = "analytics";
    public const string Notification = "notification";
    public const string Training = "training";
    public const string Export = "export";
    public const string Action = "action";

    /// <summary>Every durable pipeline queue (per-instance queues aside).</summary>
    public static IReadOnlyList<string> All { get; } = [Nlu, ConversationLog, Analytics, Notification, Training, Export, Action];
}
