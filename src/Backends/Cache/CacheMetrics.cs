using System.Diagnostics.Metrics;

namespace ChatbotPipeline.Backends.Cache;

/// <summary>Counters of the cache backend, on the <c>ChatbotPipeline.Cache</c> meter.</summary>
public sealed class CacheMetrics
{
    public const string MeterName = "ChatbotPipeline.Cache";

    private readonly Counter<long> _degraded;

    public CacheMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _degraded = meter.CreateCounter<long>("degraded", "{operation}",
            "Cache operations answered without the cache because it was unreachable.");
    }

    public void Degraded(string operation) => _degraded.Add(1, new KeyValuePair<string, object?>("operation", operation));
}
