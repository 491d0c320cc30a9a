using System.Collections.Concurrent;
using System.Globalization;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu;
using ChatbotPipeline.Nlu.Entities.Learned;
using ChatbotPipeline.Nlu.Intents;
using ChatbotPipeline.Nlu.Intents.Encoders;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Training;

/// <summary>
/// Trains a bot's intent model and entity tagger from its phrases, puts the result through the gate, stores it as
/// the current version and announces it; every run is recorded in the training history.
/// </summary>
public sealed partial class BotModelTrainer(
    IBotStore bots, ModelRepository models, TrainingHistory history, TrainingFailures failures, TrainingSlots slots,
    ICacheStore cache, IOptions<TrainingOptions> options, TimeProvider time, ILogger<BotModelTrainer> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _botLocks = new(StringComparer.Ordinal);

    /// <summary>
    /// Trains the bot unless the request is not forced and its current model was built from the same data.
    /// Runs for one bot are serialized in this process, and across trainer replicas by a lease in the cache: a run that
    /// finds another trainer holding the bot is skipped, saying so.
    /// </summary>
    public async Task<TrainingOutcome> TrainAsync(TrainingRequest request, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var gate = _botLocks.GetOrAdd(request.BotId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var startedAt = time.GetUtcNow();
            var run = new TrainingRun(TrainingHistory.NewRunId(startedAt), request.BotId, request.Trigger, TrainingStatus.Running, startedAt);
            await using var lease = await cache.TryAcquireLeaseAsync($"lease:training:{request.BotId}", TimeSpan.FromMinutes(options.Value.LeaseMinutes), cancellationToken);
            TrainingOutcome outcome;
            if (lease is null)
                outcome = TrainingOutcome.Skipped(request.BotId, "Another trainer is training this bot now.");
            else
            {
                try
                {
                    outcome = await TrainLockedAsync(request, run, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The history must not show a run as running forever; the exception still reaches the caller. The
                    // alert and the cache's record come first: the history is in the object store, which may be what failed.
                    var failed = run with { Status = TrainingStatus.Failed, Reason = exception.Message, FinishedAt = time.GetUtcNow() };
                    LogFailed(request.BotId, exception.GetType().Name, exception.Message);
                    await publisher.Publish(TrainingAlerts.Failed(request.BotId, exception.Message, time.GetUtcNow()), CancellationToken.None);
                    await failures.RecordAsync(failed, CancellationToken.None);
                    try
                    {
                        await history.SaveAsync(failed, CancellationToken.None);
                    }
                    catch (Exception unrecorded) when (unrecorded is not OperationCanceledException)
                    {
                        LogHistoryUnavailable(request.BotId, unrecorded.Message);
                    }
                    throw;
                }
                run = outcome.Run ?? run;
            }

            if (outcome.Manifest is { } manifest)
                await publisher.Publish(new ModelPublished(request.BotId, manifest.Version, manifest.DataHash, manifest.CreatedAt), cancellationToken);
            if (TrainingAlerts.For(outcome, time.GetUtcNow()) is { } alert)
                await publisher.Publish(alert, cancellationToken);
            // A scheduled run that found nothing new is not news: the history keeps what someone asked for or what changed.
            if (outcome.Status != TrainingStatus.Skipped || request.Trigger != Triggers.Schedule)
                await history.SaveAsync(run with { Status = outcome.Status, Reason = outcome.Reason, FinishedAt = time.GetUtcNow() }, cancellationToken);
            if (outcome.Manifest is not null)
                LogPublished(request.BotId, outcome.Manifest.Version, outcome.Manifest.Metrics.Examples, outcome.Manifest.Metrics.HoldoutAccuracy);
            else
                LogNotPublished(request.BotId, outcome.Status, outcome.Reason);
            return outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TrainingOutcome> TrainLockedAsync(TrainingRequest request, TrainingRun run, CancellationToken cancellationToken)
    {
        var botId = request.BotId;
        var definition = await bots.GetDefinitionAsync(botId, cancellationToken);
        if (definition is null)
            return TrainingOutcome.Failed(botId, $"Bot '{botId}' does not exist.");

        var data = TrainingData.From(definition);
        var current = await models.GetCurrentAsync(botId, cancellationToken);
        if (!request.Force && current?.DataHash == data.Hash)
            return TrainingOutcome.Skipped(botId, $"Model {current.Version} was trained on the same data.");

        await history.SaveAsync(run with { BaselineVersion = current?.Version }, cancellationToken);
        SerializedModel candidate;
        using (await slots.EnterAsync(data.Examples.Count, cancellationToken))
        {
            try
            {
                // Training is CPU-bound and synchronous: keep it off the caller's thread.
                var settings = IntentTrainingSettings.Default with { Encoder = definition.Bot.Encoder ?? options.Value.Encoder };
                candidate = await Task.Run(() => ModelRepository.Serialize(Train(data, new IntentModelTrainer(settings))), cancellationToken);
            }
            catch (InvalidTrainingDataException exception)
            {
                return TrainingOutcome.Failed(botId, exception.Message);
            }
        }

        var measured = run with { Metrics = candidate.Trained.Metrics, ModelBytes = candidate.Bytes, BaselineVersion = current?.Version };
        if (ModelGate.Refusal(candidate, current, options.Value, request.OverrideGate) is { } refusal)
            return TrainingOutcome.Refused(botId, refusal) with { Run = measured };

        var createdAt = time.GetUtcNow();
        var version = ModelVersions.Of(createdAt, data.Hash);
        var manifest = await models.PublishAsync(botId, version, createdAt, data.Hash, candidate, cancellationToken);
        await PruneAsync(botId);
        return TrainingOutcome.Published(manifest) with { Run = measured with { ModelVersion = version } };
    }

    /// <summary>Keeps the newest versions; a failure to delete old ones is logged, never the training's failure.</summary>
    private async Task PruneAsync(string botId)
    {
        try
        {
            var deleted = await models.PruneAsync(botId, options.Value.KeepModelVersions, CancellationToken.None);
            if (deleted.Count > 0)
                LogPruned(botId, deleted.Count, options.Value.KeepModelVersions);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPruneFailed(botId, exception.Message);
        }
    }

    private static TrainedNluModel Train(TrainingData data, IntentModelTrainer intentTrainer)
    {
        var intents = intentTrainer.Train(data.Examples);
        var tagger = new EntityTaggerTrainer().Train(data.Annotated);
        return new TrainedNluModel(new NluModel(intents.Model, tagger), intents.Metrics, intentTrainer.Settings);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {BotId}: published model {ModelVersion} trained on {ExampleCount} phrases, held-out accuracy {HoldoutAccuracy:P1}")]
    private partial void LogPublished(string botId, string modelVersion, int exampleCount, double? holdoutAccuracy);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot {BotId}: training failed: {ErrorType}: {Reason}")]
    private partial void LogFailed(string botId, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {BotId}: the failed run could not be written to the training history ({Reason}); the training view shows it from the cache")]
    private partial void LogHistoryUnavailable(string botId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {BotId}: deleted {Count} old model version(s), keeping the newest {Kept}")]
    private partial void LogPruned(string botId, int count, int kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {BotId}: old model versions could not be deleted ({Reason}); the next publish tries again")]
    private partial void LogPruneFailed(string botId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {BotId}: training {Status}: {Reason}")]
    private partial void LogNotPublished(string botId, TrainingStatus status, string? reason);
}
