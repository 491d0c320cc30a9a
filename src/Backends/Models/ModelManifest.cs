using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Backends.Models;

/// <summary>What is known about one published model version; stored beside its <c>model.bin</c>.</summary>
/// <param name="Version">Sortable: a later version compares greater (UTC timestamp, then a hash prefix).</param>
/// <param name="DataHash">SHA-256 of the training data and settings the model was built from.</param>
/// <param name="ModelBytes">Size of the stored model files together (intents and entities).</param>
/// <param name="Settings">Features and solver the intent model was trained with.</param>
/// <param name="EntityTypes">The entity types the learned tagger knows; empty when the bot annotates none.</param>
public sealed record ModelManifest(
    string BotId,
    string Version,
    DateTimeOffset CreatedAt,
    string DataHash,
    IntentModelMetrics Metrics,
    long ModelBytes,
    IntentTrainingSettings? Settings = null,
    IReadOnlyList<string>? EntityTypes = null)
{
    // Records compare lists by reference; a manifest read back from the store must equal the one written.
    public bool Equals(ModelManifest? other) =>
        other is not null && BotId == other.BotId && Version == other.Version && CreatedAt == other.CreatedAt && DataHash == other.DataHash
        && Metrics == other.Metrics && ModelBytes == other.ModelBytes && Settings == other.Settings
        && (EntityTypes ?? []).SequenceEqual(other.EntityTypes ?? []);

    public override int GetHashCode() => HashCode.Combine(BotId, Version, DataHash);
}
