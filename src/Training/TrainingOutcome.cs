using ChatbotPipeline.Backends.Models;

namespace ChatbotPipeline.Training;

/// <summary>What a training run did: published a model, skipped, or failed for a reason an operator can act on.</summary>
public sealed record TrainingOutcome(string BotId, TrainingStatus Status, ModelManifest? Manifest, string? Reason)
{
    public static TrainingOutcome Published(ModelManifest manifest) => new(manifest.BotId, TrainingStatus.Published, manifest, null);

    public static TrainingOutcome Skipped(string botId, string reason) => new(botId, TrainingStatus.Skipped, null, reason);

    public static TrainingOutcome Failed(string botId, string reason) => new(botId, TrainingStatus.Failed, null, reason);
}

/// <summary>The end of a training run.</summary>
public enum TrainingStatus
{
    Published,
    Skipped,
    Failed,
}
