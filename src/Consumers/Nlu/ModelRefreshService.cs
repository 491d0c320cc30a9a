using ChatbotPipeline.Backends.Documents;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// Loads every bot's current model at start and then polls for newer versions: the safety net for a replica
/// that was down or disconnected when <c>ModelPublished</c> went out.
/// </summary>
public sealed partial class ModelRefreshService(IBotStore bots, ModelRegistry models, TimeProvider time, IOptions<NluOptions> options, ILogger<ModelRefreshService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ModelRefreshSeconds), time);
        do
        {
            try
            {
                foreach (var bot in await bots.ListBotsAsync(stoppingToken))
                    await models.RefreshAsync(bot.Id, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRefreshFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model refresh failed; serving the models already loaded")]
    private partial void LogRefreshFailed(Exception exception);
}
