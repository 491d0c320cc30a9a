using System.ComponentModel.DataAnnotations;

namespace ChatbotPipeline.Consumers.Alerts;

/// <summary>Operator alerts (section <c>Alerts</c>): where they go, and what counts as an incident.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>
    /// URLs that receive every alert as a JSON POST (<c>{"text", "kind", "severity", "subject", "raisedAt"}</c>): a Slack
    /// incoming webhook reads <c>text</c>, any other endpoint the rest. Empty: alerts are only logged.
    /// </summary>
    public List<string> Webhooks { get; set; } = [];

    /// <summary>After an alert, further alerts of the same kind and subject are not sent for this long. Default 30 minutes.</summary>
    [Range(1, 7 * 24 * 60)]
    public int IncidentWindowMinutes { get; set; } = 30;

    /// <summary>A bot whose fallback rate over <see cref="FallbackWindowMinutes"/> rises above this raises an alert. Default 0.5.</summary>
    [Range(0.0, 1.0)]
    public double FallbackRateThreshold { get; set; } = 0.5;

    /// <summary>The window the fallback rate is measured over. Default 15 minutes.</summary>
    [Range(1, 24 * 60)]
    public int FallbackWindowMinutes { get; set; } = 15;

    /// <summary>Fewer messages than this in the window say nothing about the rate. Default 20.</summary>
    [Range(1, 1_000_000)]
    public int FallbackMinimumMessages { get; set; } = 20;

    /// <summary>More messages than this dead-lettered on one queue within <see cref="DeadLetterWindowMinutes"/> raise an alert. Default 10.</summary>
    [Range(0, 1_000_000)]
    public int DeadLetterThreshold { get; set; } = 10;

    /// <summary>The window dead letters are counted over. Default 15 minutes.</summary>
    [Range(1, 24 * 60)]
    public int DeadLetterWindowMinutes { get; set; } = 15;
}
