using System.Text.Json.Serialization;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Backends.Models;

/// <summary>One training run of a bot, as the training API shows it: written when it starts and again when it ends.</summary>
/// <param name="Trigger">What started it: <c>schedule</c>, <c>request</c> or <c>start</c>.</param>
/// <param name="Reason">Why it did not publish (skipped, refused by the gate, failed).</param>
/// <param name="Metrics">How the trained model measured, also when the gate refused it.</param>
/// <param name="BaselineVersion">The model the gate compared against, if there was one.</param>
public sealed record TrainingRun(
    string RunId,
    string BotId,
    string Trigger,
    TrainingStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt = null,
    string? Reason = null,
    string? ModelVersion = null,
    IntentModelMetrics? Metrics = null,
    string? BaselineVersion = null,
    long? ModelBytes = null);

/// <summary>Where a training run stands or how it ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingStatus>))]
public enum TrainingStatus
{
    Running,
    Published,
    /// <summary>Trained, but the gate kept the current model: worse on held-out phrases, or over the size budget.</summary>
    Refused,
    Skipped,
    Failed,
}
