using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;

namespace ChatbotPipeline.Bus;

/// <summary>
/// Per queue (one consumer each): messages consumed by outcome, retries, and consume duration, on the
/// <c>ChatbotPipeline.Bus</c> meter. Every measurement carries the same label names, which Prometheus needs: the
/// MassTransit meter adds an exception label to failures only, and an exporter drops whichever label set came second.
/// </summary>
public sealed class ConsumerMetrics
{
    public const string MeterName = "ChatbotPipeline.Bus";

    private readonly Counter<long> _consumed;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _duration;

    public ConsumerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _consumed = meter.CreateCounter<long>("consumed", "{message}", "Consume attempts by queue and outcome (succeeded, failed).");
        _retries = meter.CreateCounter<long>("retries", "{attempt}", "Consume attempts that were retries of an earlier failure.");
        _duration = meter.CreateHistogram<double>("consume.duration.seconds", "s", "Time a consumer took, by queue and outcome.");
    }

    public void Record(string queue, bool succeeded, int retryAttempt, TimeSpan elapsed)
    {
        var queueTag = new KeyValuePair<string, object?>("queue", queue);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed");
        _consumed.Add(1, queueTag, outcomeTag);
        _duration.Record(elapsed.TotalSeconds, queueTag, outcomeTag);
        if (retryAttempt > 0)
            _retries.Add(1, queueTag);
    }
}

/// <summary>Times every consume on every endpoint and reports it to <see cref="ConsumerMetrics"/>.</summary>
public sealed class ConsumerMetricsFilter<T>(ConsumerMetrics metrics) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            await next.Send(context);
            succeeded = true;
        }
        finally
        {
            metrics.Record(QueueOf(context), succeeded, context.GetRetryAttempt(), Stopwatch.GetElapsedTime(started));
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("consumer-metrics");

    private static string QueueOf(ConsumeContext context) =>
        context.ReceiveContext.InputAddress?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "unknown";
}
