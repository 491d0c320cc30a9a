using System.Diagnostics.Metrics;
using Prometheus;

namespace ChatbotPipeline.ServiceDefaults;

/// <summary>
/// Publishes the process's <see cref="Meter"/> instruments through prometheus-net. Histograms get buckets that fit what
/// they measure: probabilities in tenths, durations from a millisecond to ten seconds.
/// </summary>
public static class PrometheusExport
{
    /// <summary>Instruments whose unit is this are probabilities in [0, 1].</summary>
    public const string ProbabilityUnit = "{probability}";

    private static readonly double[] ProbabilityBuckets = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0];

    /// <summary>Instruments whose unit is this are short durations in milliseconds (a decision inside a consumer).</summary>
    public const string MillisecondsUnit = "ms";

    private static readonly double[] MillisecondsBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250];

    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static int _configured;

    /// <summary>Once per process: the adapter is global, and hosts started side by side in tests share it.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
            return;
        // Stop the default adapter before starting ours. Reconfiguring it in place (ConfigureMeterAdapter) lets the old
        // listener's disposal forget instruments the new one already holds, and their measurements then go nowhere.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true });
        MeterAdapter.StartListening(new MeterAdapterOptions
        {
            ResolveHistogramBuckets = Buckets,
            InstrumentFilterPredicate = Exported,
        });
    }

    /// <summary>Meters left out whole (see <see cref="Exported"/>).</summary>
    private static readonly HashSet<string> UnexportedMeters = new(StringComparer.Ordinal)
    {
        // It varies its label names between successes and failures, which Prometheus cannot take; ConsumerMetrics
        // reports the same per queue with fixed labels.
        "MassTransit",
        // Measured on every buffer Kestrel rents and every route match: a cost on each webhook (with the connection
        // gauge below, 1-2 % of the host's CPU in a profile under load) for numbers nobody alerts on. Requests stay
        // measured by the hosting meter.
        "Microsoft.AspNetCore.MemoryPool",
        "Microsoft.AspNetCore.Routing",
    };

    private static bool Exported(Instrument instrument) =>
        !UnexportedMeters.Contains(instrument.Meter.Name)
        // Changes twice per outgoing request as a pooled connection turns busy and idle again; request counts and
        // durations (http.client.request.duration) say what an operator needs about replies and actions.
        && instrument.Name != "http.client.open_connections";

    private static double[] Buckets(Instrument instrument) => instrument.Unit switch
    {
        ProbabilityUnit => ProbabilityBuckets,
        "s" => SecondsBuckets,
        MillisecondsUnit => MillisecondsBuckets,
        _ => MeterAdapterOptions.DefaultHistogramBuckets,
    };
}
