using System.Text.Json;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Ingress.BotFiles;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Seeding;

/// <summary>
/// Creates the demo bot from its embedded ai-chatbot-framework file on first start. The bot is stored before
/// any other service starts; its training is requested once the bus is running.
/// </summary>
public sealed partial class DemoBotSeeder(IBotStore bots, BotImporter importer, IBus bus, TimeProvider time, IOptions<SeedOptions> options, ILogger<DemoBotSeeder> logger)
    : IHostedLifecycleService
{
    public const string BotId = "demo";
    private bool _seeded;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoBot || await bots.GetBotAsync(BotId, cancellationToken) is not null)
            return;
        await using var file = typeof(DemoBotSeeder).Assembly.GetManifestResourceStream("ChatbotPipeline.Ingress.Seeding.demo-bot.json")
            ?? throw new InvalidOperationException("The demo bot file is not embedded in the Ingress assembly.");
        var botFile = await JsonSerializer.DeserializeAsync<AicfBotFile>(file, JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException("The demo bot file is empty.");
        var result = await importer.ImportAsync(BotId, botFile, cancellationToken);
        if (result.Errors.Count > 0)
            throw new InvalidOperationException($"The demo bot file is invalid: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"))}");
        _seeded = true;
        LogSeeded(BotId, result.Intents);
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (_seeded)
            await bus.Publish(new TrainingRequested(Guid.CreateVersion7().ToString("N"), BotId, Force: false, time.GetUtcNow()), cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded bot {BotId} with {IntentCount} intents")]
    private partial void LogSeeded(string botId, int intentCount);
}
