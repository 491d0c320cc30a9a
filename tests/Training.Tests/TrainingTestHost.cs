using ChatbotPipeline.Backends;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatbotPipeline.Training.Tests;

/// <summary>Training services over real embedded backends in a temp folder, on MassTransit's test harness.</summary>
public sealed class TrainingTestHost : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-training-").FullName;
    private readonly ServiceProvider _services;

    public TrainingTestHost(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Documents:Sqlite:Path"] = Path.Combine(_folder, "chatbot.db"),
            ["Objects:FileSystem:Path"] = Path.Combine(_folder, "objects"),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section);
        builder.AddBackends();
        builder.Services.AddTrainer();
        builder.Services.AddLogging();
        builder.Services.AddMassTransitTestHarness(TrainingExtensions.AddTrainingConsumers);
        services?.Invoke(builder.Services);
        _services = builder.Services.BuildServiceProvider(validateScopes: true);
        Harness = _services.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
