using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ChatbotPipeline.Backends.Cache;

/// <summary>
/// Connects to Redis while the host starts — not lazily inside the first request or message, which blocked a thread
/// per caller and met a half-open connection — and tells readiness whether Redis answered. A host is not ready until
/// Redis has answered a PING once; later outages report Degraded (still ready), because the pipeline keeps taking
/// messages without Redis and a replica pulled from service would only move the load to the others.
/// </summary>
public sealed class RedisReadiness(IConnectionMultiplexer redis) : IHealthCheck, IHostedService
{
    private static readonly TimeSpan FirstPingWait = TimeSpan.FromSeconds(10);
    private volatile bool _verified;

    /// <summary>Resolving the multiplexer connected it; one PING (bounded) proves the connection is usable.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PingAsync().WaitAsync(FirstPingWait, cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Unready until a later check reaches it; the host itself starts.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            var reason = $"Redis unreachable: {exception.Message}";
            return _verified ? HealthCheckResult.Degraded(reason) : HealthCheckResult.Unhealthy(reason + " (not reached since start)");
        }
    }

    private async Task<TimeSpan> PingAsync()
    {
        var latency = await redis.GetDatabase().PingAsync();
        _verified = true;
        return latency;
    }
}
