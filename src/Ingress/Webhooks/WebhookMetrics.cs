using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatbotPipeline.Channels.Webhooks;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// Time from a webhook request's arrival to its answer, by channel and status code, on the <c>ChatbotPipeline.Ingress</c>
/// meter. The channel comes from the matched endpoint, never from the path, so junk URLs cannot mint new series.
/// </summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "ChatbotPipeline.Ingress";

    private readonly Histogram<double> _duration;

    public WebhookMetrics(IMeterFactory meters) =>
        _duration = meters.Create(MeterName).CreateHistogram<double>("webhook.duration.seconds", "s",
            "Time to answer a platform's webhook, by channel and status code.");

    /// <summary>Middleware for the <c>/webhooks</c> paths.</summary>
    public async Task MeasureAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var channel = context.GetEndpoint()?.Metadata.GetMetadata<WebhookChannel>()?.Name ?? "unmatched";
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("channel", channel),
                new KeyValuePair<string, object?>("status", context.Response.StatusCode));
        }
    }
}
