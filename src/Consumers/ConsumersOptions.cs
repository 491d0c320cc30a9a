using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Consumers;

/// <summary>Which queues this Consumers host works (section <c>Consumers</c>).</summary>
public sealed class ConsumersOptions
{
    public const string Section = "Consumers";

    /// <summary>The queues a host can consume, each with its consumer.</summary>
    public static IReadOnlyList<string> KnownQueues { get; } = QueueNames.All.Where(queue => queue != QueueNames.Training).ToList();

    /// <summary>
    /// The queues to consume, e.g. <c>Consumers__Queues__0=nlu</c>: one Deployment per consumer group, each scaled on
    /// its own queue. Empty (the default): all of them.
    /// </summary>
    public List<string> Queues { get; set; } = [];

    /// <summary>What a host configured with an earlier version's queue names is told.</summary>
    public static string RetiredQueuesNamed => string.Join(" ", QueueNames.Retired.Select(pair =>
        $"Consumers:Queues: {pair.Key} is now part of {pair.Value} (one queue for the conversation log and analytics); name {pair.Value}."));

    public bool Hosts(string queue) => Queues.Count == 0 || Queues.Contains(queue, StringComparer.Ordinal);
}
