using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatbotPipeline.Bus;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatbotPipeline.Consumers.Tests;

/// <summary>Every consumer on every endpoint is counted and timed per queue and outcome, with its retries.</summary>
public sealed class ConsumerMetricsTests : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, double> _measured = new();
    private readonly MeterListener _listener = new();
    private IHost? _host;

    public ConsumerMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConsumerMetrics.MeterName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Add(instrument, 1, tags));
        _listener.Start();
    }

    [Fact]
    public async Task A_message_that_fails_once_counts_a_failure_a_retry_and_a_success()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddPipelineBus(bus => bus.AddConsumer<FlakyConsumer, FlakyConsumerDefinition>());
        _host = builder.Build();
        await _host.StartAsync();

        await _host.Services.GetRequiredService<IBus>().Publish(new FlakyProbe("once"));

        await Eventually.TrueAsync(() => _measured.GetValueOrDefault("consumed|flaky|succeeded") >= 1);
        Assert.Equal(1, _measured["consumed|flaky|failed"]);
        Assert.Equal(1, _measured["retries|flaky|"]);
        Assert.Equal(2, _measured["consume.duration.seconds|flaky|succeeded"] + _measured["consume.duration.seconds|flaky|failed"]);
    }

    private void Add(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? queue = null, outcome = null;
        foreach (var (key, tagValue) in tags)
        {
            if (key == "queue")
                queue = tagValue as string;
            else if (key == "outcome")
                outcome = tagValue as string;
        }
        _measured.AddOrUpdate($"{instrument.Name}|{queue}|{outcome}", value, (_, sum) => sum + value);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}

public sealed record FlakyProbe(string Id);

/// <summary>Fails the first attempt of each message, then succeeds.</summary>
public sealed class FlakyConsumer : IConsumer<FlakyProbe>
{
    public Task Consume(ConsumeContext<FlakyProbe> context) =>
        context.GetRetryAttempt() == 0 ? throw new InvalidOperationException("first attempt fails") : Task.CompletedTask;
}

public sealed class FlakyConsumerDefinition : ConsumerDefinition<FlakyConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<FlakyConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(10));
}
