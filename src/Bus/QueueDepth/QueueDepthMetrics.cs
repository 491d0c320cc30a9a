using System.Diagnostics.Metrics;
using ChatbotPipeline.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Bus.QueueDepth;

/// <summary>
/// <c>queue.depth</c> on the <c>ChatbotPipeline.Bus</c> meter: messages waiting in each pipeline queue, read from the
/// broker every 15 s in the background (a scrape never waits on the broker). KEDA reads depth itself; this is for
/// dashboards and alerts.
/// </summary>
public sealed partial class QueueDepthMetrics : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly IQueueDepthSource _source;
    private readonly ILogger<QueueDepthMetrics> _logger;
    private volatile IReadOnlyDictionary<string, long> _depths = new Dictionary<string, long>();

    public QueueDepthMetrics(IQueueDepthSource source, IMeterFactory meters, ILogger<QueueDepthMetrics> logger)
    {
        _source = source;
        _logger = logger;
        meters.Create(ConsumerMetrics.MeterName).CreateObservableGauge("queue.depth",
            () => _depths.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("queue", pair.Key))),
            "{message}", "Messages waiting in each pipeline queue.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                _depths = await _source.ReadAsync(QueueNames.All, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The gauge keeps its last values; the bus's own health check reports the broker.
                LogUnreadable(exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read queue depths from the broker: {Reason}")]
    private partial void LogUnreadable(string reason);
}
