using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Bus;

/// <summary>
/// Restarts a receive endpoint the bus left stopped. When a RabbitMQ broker goes away under load, MassTransit stops
/// every endpoint and waits for its consumers; one that is still busy past the stop timeout ends as "Consumer stop
/// canceled" and that endpoint never receives again, while the others reconnect (seen on <c>nlu</c> in the fault
/// suite, and reported upstream). So: when one endpoint stays unhealthy while the broker is back — another endpoint is
/// healthy again, or the broker answers a question about the endpoint's queue (every endpoint may have ended so under
/// a busy CPU) — it is stopped and started anew. A broker that is down is left alone.
/// Such an endpoint may also go on saying it is healthy with no consumer on its queue: where the broker can say how many
/// consumers a queue has (<see cref="QueueDepth.IQueueConsumerCount"/>), an endpoint whose queue has none for as long
/// is restarted too — this replica's consumer alone would be counted.
/// </summary>
public sealed partial class ReceiveEndpointWatchdog(
    IBusControl bus, TimeProvider time, ILogger<ReceiveEndpointWatchdog> logger, QueueDepth.IQueueConsumerCount? consumers = null) : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> _downSince = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenHealthy = new(StringComparer.Ordinal);
    private int _restarts;

    /// <summary>Endpoints restarted since start.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>How long an endpoint may stay down while the broker is back before it is restarted. Default 20 s.</summary>
    public TimeSpan RestartAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the endpoints' health is read. Default 5 s.</summary>
    public TimeSpan Every { get; init; } = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, time, stoppingToken);
                await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogCheckFailed(exception.Message);
            }
        }
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        var endpoints = bus.CheckHealth().Endpoints;
        var now = time.GetUtcNow();
        var brokerBack = endpoints.Values.Any(e => e.Status == BusHealthStatus.Healthy) || await BrokerAnswersAsync(endpoints, stoppingToken);
        foreach (var (name, endpoint) in endpoints)
        {
            if (endpoint.Status == BusHealthStatus.Healthy)
                _seenHealthy.Add(name);
            // Only an endpoint that ran and went down is restarted: one that never came up is a configuration matter.
            if (!brokerBack || !_seenHealthy.Contains(name) || (endpoint.Status == BusHealthStatus.Healthy && !await ConsumerMissingAsync(endpoint, stoppingToken)))
            {
                _downSince.Remove(name);
                continue;
            }
            if (!_downSince.TryGetValue(name, out var since))
            {
                _downSince[name] = now;
                continue;
            }
            if (now - since < RestartAfter || endpoint.ReceiveEndpoint is not { } receiveEndpoint)
                continue;
            LogRestarting(endpoint.InputAddress?.ToString() ?? name, (now - since).TotalSeconds,
                endpoint.Status == BusHealthStatus.Healthy ? "it says it runs, but its queue has no consumer" : endpoint.Description ?? "");
            _downSince.Remove(name);
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            stopping.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await receiveEndpoint.Stop(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException)
            {
                // It was stopped already, or will not say: start it anyway.
            }
            receiveEndpoint.Start(stoppingToken);
            Interlocked.Increment(ref _restarts);
        }
    }

    /// <summary>True when the broker answers for a queue of an endpoint that ran, though no endpoint says it is healthy.</summary>
    private async Task<bool> BrokerAnswersAsync(IReadOnlyDictionary<string, EndpointHealthResult> endpoints, CancellationToken cancellationToken) =>
        await ConsumersOnQueueAsync(endpoints.Where(e => _seenHealthy.Contains(e.Key)).Select(e => e.Value.InputAddress).FirstOrDefault(a => a is not null),
            cancellationToken) is not null;

    /// <summary>True when the broker counts no consumer on the endpoint's queue although the endpoint says it runs.</summary>
    private async Task<bool> ConsumerMissingAsync(EndpointHealthResult endpoint, CancellationToken cancellationToken) =>
        await ConsumersOnQueueAsync(endpoint.InputAddress, cancellationToken) == 0;

    /// <summary>The broker's count of consumers on the queue an endpoint reads; null when it cannot say (nothing to act on).</summary>
    private async Task<long?> ConsumersOnQueueAsync(Uri? inputAddress, CancellationToken cancellationToken)
    {
        if (consumers is null || inputAddress is null)
            return null;
        try
        {
            return await consumers.CountAsync(inputAddress.AbsolutePath.Split('/')[^1], cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receive endpoint {Endpoint} has been down {Seconds:F0} s while others are back ({Description}); restarting it")]
    private partial void LogRestarting(string endpoint, double seconds, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the receive endpoints' health: {Reason}")]
    private partial void LogCheckFailed(string reason);
}
