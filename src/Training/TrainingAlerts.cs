using System.Globalization;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Training;

/// <summary>
/// The operator alerts a training run raises: a published model (each version is news), a model the gate refused and a
/// run that failed (one incident per bot, so a bot failing every retry alerts once per window). Skipped runs are quiet.
/// </summary>
public static class TrainingAlerts
{
    public static OperatorAlert? For(TrainingOutcome outcome, DateTimeOffset at) => outcome.Status switch
    {
        TrainingStatus.Published when outcome.Manifest is { } manifest => OperatorAlert.Raise(AlertKinds.TrainingPublished, AlertSeverities.Info,
            $"{outcome.BotId}@{manifest.Version}",
            $"Bot {outcome.BotId}: model {manifest.Version} published ({manifest.Metrics.Examples} phrases{Accuracy(manifest.Metrics.HoldoutAccuracy)}).", at),
        TrainingStatus.Refused => OperatorAlert.Raise(AlertKinds.TrainingRefused, AlertSeverities.Warning, outcome.BotId,
            $"Bot {outcome.BotId}: the new model was refused by the gate: {outcome.Reason}", at),
        TrainingStatus.Failed => Failed(outcome.BotId, outcome.Reason ?? "no reason given", at),
        _ => null,
    };

    public static OperatorAlert Failed(string botId, string reason, DateTimeOffset at) =>
        OperatorAlert.Raise(AlertKinds.TrainingFailed, AlertSeverities.Error, botId, $"Bot {botId}: training failed: {reason}", at);

    private static string Accuracy(double? holdoutAccuracy) =>
        holdoutAccuracy is { } accuracy ? string.Create(CultureInfo.InvariantCulture, $", held-out accuracy {accuracy:P1}") : "";
}
