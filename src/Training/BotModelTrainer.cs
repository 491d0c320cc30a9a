using System.Collections.Concurrent;
using System.Globalization;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Intents;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Training;

/// <summary>Trains a bot's intent model from its phrases, stores it as the current version and announces it.</summary>
public sealed partial class BotModelTrainer(
    IBotStore bots, ModelRepository models, IntentModelTrainer trainer, ICacheStore cache, IOptions<TrainingOptions> options, TimeProvider time,
    ILogger<BotModelTrainer> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _botLocks = new(StringComparer.Ordinal);

    /// <summary>
    /// Trains the bot unless <paramref name="force"/> is false and its current model was built from the same data.
    /// Runs for one bot are serialized in this process, and across trainer replicas by a lease in the cache: a run that
    /// finds another trainer holding the bot is skipped, saying so.
    /// </summary>
    public async Task<TrainingOutcome> TrainAsync(string botId, bool force, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var gate = _botLocks.GetOrAdd(botId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var lease = await cache.TryAcquireLeaseAsync($"lease:training:{botId}", TimeSpan.FromMinutes(options.Value.LeaseMinutes), cancellationToken);
            var outcome = lease is null
                ? TrainingOutcome.Skipped(botId, "Another trainer is training this bot now.")
                : await TrainLockedAsync(botId, force, cancellationToken);
            if (outcome.Manifest is { } manifest)
                await publisher.Publish(new ModelPublished(botId, manifest.Version, manifest.DataHash, manifest.CreatedAt), cancellationToken);
            if (outcome.Manifest is not null)
                LogPublished(botId, outcome.Manifest.Version, outcome.Manifest.Metrics.Examples);
            else
                LogNotPublished(botId, outcome.Status, outcome.Reason);
            return outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TrainingOutcome> TrainLockedAsync(string botId, bool force, CancellationToken cancellationToken)
    {
        var definition = await bots.GetDefinitionAsync(botId, cancellationToken);
        if (definition is null)
            return TrainingOutcome.Failed(botId, $"Bot '{botId}' does not exist.");

        var data = TrainingData.From(definition);
        var current = await models.GetCurrentAsync(botId, cancellationToken);
        if (!force && current?.DataHash == data.Hash)
            return TrainingOutcome.Skipped(botId, $"Model {current.Version} was trained on the same data.");

        TrainedIntentModel trained;
        try
        {
            // ML.NET training is CPU-bound and synchronous: keep it off the caller's thread.
            trained = await Task.Run(() => trainer.Train(data.Examples), cancellationToken);
        }
        catch (InvalidTrainingDataException exception)
        {
            return TrainingOutcome.Failed(botId, exception.Message);
        }

        var createdAt = time.GetUtcNow();
        var version = $"{createdAt.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-{data.Hash[..8]}";
        var manifest = await models.PublishAsync(botId, version, createdAt, data.Hash, trained, cancellationToken);
        return TrainingOutcome.Published(manifest);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {BotId}: published model {ModelVersion} trained on {ExampleCount} phrases")]
    private partial void LogPublished(string botId, string modelVersion, int exampleCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {BotId}: training {Status}: {Reason}")]
    private partial void LogNotPublished(string botId, TrainingStatus status, string? reason);
}
