namespace ChatbotPipeline.Contracts;

/// <summary>
/// Something an operator should hear about, for the notification consumer to post to the configured alert webhooks.
/// Alerts with the same <see cref="Kind"/> and <see cref="Subject"/> are one incident: within the incident window only
/// the first is sent.
/// </summary>
/// <param name="Kind">One of <see cref="AlertKinds"/>.</param>
/// <param name="Severity">One of <see cref="AlertSeverities"/>.</param>
/// <param name="Subject">What the incident is about: a bot, a queue, a model version.</param>
/// <param name="Text">One line for a person, as it appears in Slack.</param>
public sealed record OperatorAlert(string AlertId, string Kind, string Severity, string Subject, string Text, DateTimeOffset RaisedAt)
{
    public static OperatorAlert Raise(string kind, string severity, string subject, string text, DateTimeOffset at) =>
        new(Guid.CreateVersion7().ToString("N"), kind, severity, subject, text, at);
}

public static class AlertKinds
{
    public const string TrainingPublished = "training-published";
    public const string TrainingRefused = "training-refused";
    public const string TrainingFailed = "training-failed";
    public const string DeadLetters = "dead-letters";
    public const string FallbackRate = "fallback-rate";
}

public static class AlertSeverities
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Error = "error";
}
