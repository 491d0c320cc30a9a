using ChatbotPipeline.Backends;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatbotPipeline.Training.Tests;

/// <summary>The Quartz wiring, run in a real host: the start trigger trains a bot that has no model.</summary>
public sealed class TrainingScheduleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-schedule-").FullName;

    private IHost BuildHost(string cron = "0 0 3 * * ?")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Documents:Sqlite:Path"] = Path.Combine(_folder, "chatbot.db"),
            ["Objects:FileSystem:Path"] = Path.Combine(_folder, "objects"),
            ["Training:Cron"] = cron,
        });
        builder.Services.AddLogging();
        builder.AddBackends();
        builder.AddTrainingServices();
        builder.Services.AddMassTransitTestHarness(TrainingExtensions.AddTrainingConsumers);
        return builder.Build();
    }

    [Fact]
    public async Task On_start_a_bot_without_a_model_is_trained()
    {
        using var host = BuildHost();
        await Some.SeedBotAsync(host.Services.GetRequiredService<IBotStore>());

        await host.StartAsync(TestContext.Current.CancellationToken);
        var models = host.Services.GetRequiredService<ModelRepository>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await models.GetCurrentAsync(Some.BotId, CancellationToken.None) is null && DateTime.UtcNow < deadline)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(await models.GetCurrentAsync(Some.BotId, CancellationToken.None));
    }

    [Fact]
    public async Task An_invalid_cron_expression_stops_the_host_naming_the_key()
    {
        using var host = BuildHost(cron: "every day at three");

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Training:Cron", exception.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
