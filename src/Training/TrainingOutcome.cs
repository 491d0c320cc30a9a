using ChatbotPipeline.Backends.Models;

namespace ChatbotPipeline.Training;

/// <summary>What a training run did: published a model, refused it at the gate, skipped, or failed for a reason an operator can act on.</summary>
public sealed record TrainingOutcome(string BotId, TrainingStatus Status, ModelManifest? Manifest, string? Reason)
{
    /// <summary>The run as the history records it, with the candidate's metrics, when training got that far.</summary>
    public TrainingRun? Run { get; init; }

    public static TrainingOutcome Published(ModelManifest manifest) => new(manifest.BotId, TrainingStatus.Published, manifest, null);

    public static TrainingOutcome Refused(string botId, string reason) => new(botId, TrainingStatus.Refused, null, reason);

    public static TrainingOutcome Skipped(string botId, string reason) => new(botId, TrainingStatus.Skipped, null, reason);

    public static TrainingOutcome Failed(string botId, string reason) => new(botId, TrainingStatus.Failed, null, reason);
}
