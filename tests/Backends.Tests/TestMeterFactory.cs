using System.Diagnostics.Metrics;

namespace ChatbotPipeline.Backends.Tests;

/// <summary>A meter factory for tests; the meters it makes are disposed with it.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
