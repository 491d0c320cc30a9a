namespace ChatbotPipeline.Contracts;

/// <summary>
/// The queue each consumer reads, as MassTransit's kebab-case formatter names it.
/// KEDA objects and the Helm chart depend on these names: a test pins them, change them only on purpose.
/// </summary>
public static class QueueNames
{
    public const string Nlu = "nlu";

    /// <summary>The conversation log's and analytics' queue: both consumers take each verdict from one delivery.</summary>
    public const string Records = "records";

    public const string Notification = "notification";
    public const string Training = "training";
    public const string Export = "export";
    public const string Action = "action";

    /// <summary>Every durable pipeline queue (per-instance queues aside).</summary>
    public static IReadOnlyList<string> All { get; } = [Nlu, Records, Notification, Training, Export, Action];

    /// <summary>
    /// Queues of earlier versions, each with the queue that took over its work: <c>conversation-log</c> and
    /// <c>analytics</c> became <see cref="Records"/> (one delivery per verdict instead of two). A deployment upgraded from
    /// one may still hold messages in them; the hosts drain and remove them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Retired { get; } = new Dictionary<string, string>
    {
        ["conversation-log"] = Records,
        ["analytics"] = Records,
    };
}
