using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Backends.Models;

/// <summary>What is known about one published model version; stored beside its <c>model.bin</c>.</summary>
/// <param name="Version">Sortable: a later version compares greater (UTC timestamp, then a hash prefix).</param>
/// <param name="DataHash">SHA-256 of the training data and settings the model was built from.</param>
public sealed record ModelManifest(string BotId, string Version, DateTimeOffset CreatedAt, string DataHash, IntentModelMetrics Metrics, long ModelBytes);
