using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Nlu.Intents.Encoders;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// The safety net for a replica that missed <c>ModelPublished</c> (down or disconnected when it went out) or a bot's
/// deletion: every <see cref="NluOptions.ModelRefreshSeconds"/> it reads the model change journal for the hours since it
/// last looked and applies what concerns the models it holds. Its cost is one listing per hour of changes, not a read
/// per bot. Models are loaded on first use, so nothing is read at start but the journal; its first successful read
/// is what makes the replica ready (the store that holds every model answers).
/// </summary>
public sealed partial class ModelRefreshService(
    ModelRepository repository, ModelRegistry models, ModelStoreReach reach, TimeProvider time, IOptions<NluOptions> options, ILogger<ModelRefreshService> logger)
    : BackgroundService
{
    /// <summary>Changes are listed from this long before the last look, for clocks of trainers a little behind this one.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The sentence encoder is one per process and loads in seconds (its ONNX session): loaded here, before the
        // replica says it is ready, rather than inside the first message of the first bot that uses it.
        await Task.Run(WarmEncoders, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ModelRefreshSeconds), time);
        var lastLook = time.GetUtcNow();
        do
        {
            var now = time.GetUtcNow();
            try
            {
                if (now - lastLook > ModelChangeJournal.Kept - ClockSkew)
                {
                    // The journal no longer covers the whole time away: what is loaded may be stale or deleted.
                    LogCutOff(now - lastLook);
                    models.Clear();
                    lastLook = now;
                }
                foreach (var change in await repository.Changes.ListAsync(lastLook - ClockSkew, now, stoppingToken))
                {
                    if (change.Withdrawn)
                        models.Withdraw(change.BotId, change.Version);
                    else
                        await models.ActivateAsync(change.BotId, change.Version, stoppingToken);
                }
                lastLook = now;
                reach.Reached(now);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRefreshFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void WarmEncoders()
    {
        foreach (var name in options.Value.Encoders is { Count: > 0 } served ? served : [SentenceEncoders.Default])
            SentenceEncoders.Get(name)?.Encode(["warm up"]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the model change journal failed; serving the models already loaded")]
    private partial void LogRefreshFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model change journal was last read {Away} ago, longer than it keeps changes: every model is unloaded and loaded again on use")]
    private partial void LogCutOff(TimeSpan away);
}
