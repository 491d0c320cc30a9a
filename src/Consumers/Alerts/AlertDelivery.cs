using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Contracts;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Alerts;

/// <summary>
/// Posts operator alerts to the configured webhooks, one per incident (kind and subject) per incident window: the
/// first alert claims the incident in the cache, later ones within the window are dropped. A redelivered alert keeps
/// its claim and sends only to the webhooks that did not get it yet.
/// </summary>
public sealed partial class AlertDelivery(ReplyHttp http, ICacheStore cache, DeliveryMemory delivered, IOptions<AlertOptions> options, ILogger<AlertDelivery> logger)
{
    public async Task DeliverAsync(OperatorAlert alert, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        LogAlert(alert.Kind, alert.Subject, alert.Text);
        if (settings.Webhooks.Count == 0)
            return;
        var incident = $"alert:incident:{alert.Kind}:{alert.Subject}";
        if (!await cache.TryAddAsync(incident, alert.AlertId, TimeSpan.FromMinutes(settings.IncidentWindowMinutes), cancellationToken)
            && await cache.GetAsync(incident, cancellationToken) != alert.AlertId)
        {
            LogSuppressed(alert.Kind, alert.Subject);
            return;
        }
        var body = new AlertPost(alert.Text, alert.Kind, alert.Severity, alert.Subject, alert.RaisedAt);
        foreach (var (index, url) in settings.Webhooks.Index())
            await delivered.OnceAsync($"alert:delivered:{alert.AlertId}:{index}", send => PostAsync(new Uri(url), body, send), cancellationToken);
    }

    private async Task PostAsync(Uri webhook, AlertPost body, CancellationToken cancellationToken)
    {
        using var response = await http.PostJsonAsync($"Alert webhook {webhook.Host}", webhook, body, bearerToken: null, cancellationToken);
    }

    /// <summary>What a webhook receives: Slack's incoming webhooks show <c>text</c>; other receivers can route on the rest.</summary>
    private sealed record AlertPost(string Text, string Kind, string Severity, string Subject, DateTimeOffset RaisedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Kind} on {Subject}: {Text}")]
    private partial void LogAlert(string kind, string subject, string text);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {Kind} on {Subject} is part of an incident already alerted in this window; not sent")]
    private partial void LogSuppressed(string kind, string subject);
}
