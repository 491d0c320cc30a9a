using System.Collections.Concurrent;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Nlu;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// The model each bot is served with in this process. A newer version is loaded beside the old one and swapped in
/// with one reference write, so messages in flight finish on the model they started with and nothing restarts.
/// </summary>
public sealed partial class ModelRegistry(ModelRepository repository, TimeProvider time, IOptions<NluOptions> options, ILogger<ModelRegistry> logger)
{
    private readonly ConcurrentDictionary<string, LoadedModel> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _absentUntil = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>The models loaded now, one per bot.</summary>
    public IReadOnlyCollection<LoadedModel> Loaded => _loaded.Values.ToList();

    /// <summary>The bot's model, loading the current version on first use; null when the bot has no model yet.</summary>
    public async Task<LoadedModel?> GetAsync(string botId, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(botId, out var model))
            return model;
        // Without this, every message of an untrained bot would ask the object store again.
        if (_absentUntil.TryGetValue(botId, out var until) && time.GetUtcNow() < until)
            return null;
        return await RefreshAsync(botId, cancellationToken);
    }

    /// <summary>Loads the bot's current version if it is newer than the one loaded.</summary>
    public async Task<LoadedModel?> RefreshAsync(string botId, CancellationToken cancellationToken)
    {
        var manifest = await repository.GetCurrentAsync(botId, cancellationToken);
        if (manifest is null)
        {
            _absentUntil[botId] = time.GetUtcNow().AddSeconds(options.Value.ModelRefreshSeconds);
            return null;
        }
        return await ActivateAsync(manifest, cancellationToken);
    }

    /// <summary>Loads a published version unless an equal or newer one is already serving.</summary>
    public async Task<LoadedModel?> ActivateAsync(string botId, string version, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(botId, out var current) && string.CompareOrdinal(current.Version, version) >= 0)
            return current;
        var manifest = await repository.GetAsync(botId, version, cancellationToken);
        return manifest is null ? current : await ActivateAsync(manifest, cancellationToken);
    }

    private async Task<LoadedModel?> ActivateAsync(ModelManifest manifest, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_loaded.TryGetValue(manifest.BotId, out var current) && string.CompareOrdinal(current.Version, manifest.Version) >= 0)
                return current;
            NluModel model;
            try
            {
                model = await repository.LoadAsync(manifest.BotId, manifest.Version, cancellationToken,
                    options.Value.Encoders is { Count: > 0 } encoders ? encoders : null);
            }
            catch (Exception exception) when (exception is InvalidDataException or FileNotFoundException)
            {
                // A model of an older format (or a damaged one) must not fail every message: keep serving what is
                // loaded, or the fallback, until training publishes a version this build can read.
                LogUnloadable(exception, manifest.BotId, manifest.Version);
                _absentUntil[manifest.BotId] = time.GetUtcNow().AddSeconds(options.Value.ModelRefreshSeconds);
                return current;
            }
            var loaded = new LoadedModel(manifest, model);
            _loaded[manifest.BotId] = loaded;
            _absentUntil.TryRemove(manifest.BotId, out _);
            LogActivated(manifest.BotId, manifest.Version);
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {BotId}: model {ModelVersion} cannot be loaded; retrain the bot to replace it")]
    private partial void LogUnloadable(Exception exception, string botId, string modelVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {BotId} now served by model {ModelVersion}")]
    private partial void LogActivated(string botId, string modelVersion);
}
