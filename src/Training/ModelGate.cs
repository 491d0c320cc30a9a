using System.Globalization;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Nlu.Intents.Encoders;

namespace ChatbotPipeline.Training;

/// <summary>
/// Decides whether a freshly trained model may replace the current one: it must fit the size budget, and its
/// held-out accuracy may not fall more than the allowed drop below the current model's (unless an operator
/// overrides that, having added intents that are harder to tell apart on purpose).
/// </summary>
public static class ModelGate
{
    /// <returns>Null when the model may be published; otherwise the reason it may not, for the API and the log.</returns>
    public static string? Refusal(SerializedModel candidate, ModelManifest? current, TrainingOptions options, bool overrideAccuracy)
    {
        var budget = options.MaxModelMegabytes * 1024L * 1024L;
        if (candidate.Bytes > budget)
            return Format($"The model is {candidate.Bytes / 1048576.0:F1} MiB, over the budget of {options.MaxModelMegabytes} MiB (Training:MaxModelMegabytes).");

        if (overrideAccuracy || current?.Metrics.HoldoutAccuracy is not { } baseline || candidate.Trained.Metrics.HoldoutAccuracy is not { } accuracy)
            return null;
        // Like with like: a bot whose encoder was changed on purpose (minilm → none for speed) is not held to the old one's accuracy.
        if ((current.Settings?.Encoder ?? SentenceEncoders.None) != candidate.Trained.Settings.Encoder)
            return null;
        var drop = baseline - accuracy;
        return drop > options.MaxAccuracyDrop + 1e-9
            ? Format($"Held-out accuracy {accuracy:P1} is {drop * 100:F1} points below the {baseline:P1} of current model {current.Version}; the allowed drop is {options.MaxAccuracyDrop * 100:F1} points (Training:MaxAccuracyDrop).")
            : null;
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
