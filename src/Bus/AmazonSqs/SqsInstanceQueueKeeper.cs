using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>Renews this host's per-instance queue heartbeats and sweeps the queues of hosts that died, on a timer.</summary>
public sealed partial class SqsInstanceQueueKeeper(SqsInstanceQueues queues, AmazonSqsOptions options, TimeProvider time, ILogger<SqsInstanceQueueKeeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.InstanceHeartbeatSeconds), time);
        do
        {
            try
            {
                await queues.BeatAsync(stoppingToken);
                await queues.SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception.Message);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Per-instance queue heartbeat or sweep failed, trying again next tick: {Reason}")]
    private partial void LogFailed(string reason);
}
