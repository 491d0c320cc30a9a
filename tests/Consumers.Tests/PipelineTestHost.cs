using ChatbotPipeline.Backends;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatbotPipeline.Consumers.Tests;

/// <summary>
/// The consumers over real embedded backends in a temp folder, on MassTransit's test harness.
/// Hosted services are not started: each test drives exactly what it needs.
/// </summary>
public sealed class PipelineTestHost : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-consumers-").FullName;
    private readonly ServiceProvider _services;

    public PipelineTestHost(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Documents:Sqlite:Path"] = Path.Combine(_folder, "chatbot.db"),
            ["Objects:FileSystem:Path"] = Path.Combine(_folder, "objects"),
            ["Notifications:RetryIntervalsMilliseconds:0"] = "10",
            ["Notifications:RetryIntervalsMilliseconds:1"] = "10",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBackends();
        builder.AddConsumerServices();
        builder.Services.AddLogging();
        builder.Services.AddMassTransitTestHarness(ConsumersExtensions.AddPipelineConsumers);
        configure?.Invoke(builder.Services);
        _services = builder.Services.BuildServiceProvider(validateScopes: true);
        Harness = _services.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task<PipelineTestHost> StartAsync()
    {
        await Harness.Start();
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
