using System.Collections.Concurrent;
using ChatbotPipeline.Backends.Models;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// The models this replica serves, kept within <see cref="NluOptions.ModelCacheMegabytes"/>: a bot's model is loaded on
/// its first message (or when a new version of a model in use is published), the least recently used are unloaded
/// beyond the budget, and a deleted bot's model at once. A newer version is loaded beside the old one and swapped in
/// with one write, so messages in flight finish on the model they started with. A bot's load is never done twice at
/// once (its callers share it); different bots load in parallel, up to <see cref="NluOptions.ModelLoadConcurrency"/>.
/// </summary>
public sealed partial class ModelRegistry(ModelRepository repository, TimeProvider time, IOptions<NluOptions> options, ILogger<ModelRegistry> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<LoadedModel>> _byBot = new(StringComparer.Ordinal);
    private readonly LinkedList<LoadedModel> _recency = new(); // most recently used first
    private long _bytes;
    private long _loads;
    private long _evictions;
    private readonly ConcurrentDictionary<string, Lazy<Task<LoadedModel?>>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _absentUntil = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadSlots = new(options.Value.ModelLoadConcurrency, options.Value.ModelLoadConcurrency);

    /// <summary>The models loaded now, one per bot, most recently used first.</summary>
    public IReadOnlyCollection<LoadedModel> Loaded
    {
        get
        {
            lock (_gate)
                return _recency.ToList();
        }
    }

    /// <summary>How many models are loaded, what they weigh and the budget they are kept within.</summary>
    public ModelCacheUsage Usage
    {
        get
        {
            lock (_gate)
                return new ModelCacheUsage(_byBot.Count, _bytes, BudgetBytes, _loads, _evictions);
        }
    }

    private long BudgetBytes => options.Value.ModelCacheMegabytes * 1024L * 1024;

    /// <summary>The bot's model, loading its current version on first use; null when the bot has no model yet.</summary>
    public async Task<LoadedModel?> GetAsync(string botId, CancellationToken cancellationToken)
    {
        if (Touch(botId) is { } model)
            return model;
        // Without this, every message of an untrained bot would ask the object store again.
        if (_absentUntil.TryGetValue(botId, out var until) && time.GetUtcNow() < until)
            return null;
        return await LoadOnceAsync(botId, version: null, cancellationToken);
    }

    /// <summary>
    /// A version was published: a bot being served switches to it; a bot not loaded is loaded on its next message
    /// (ten thousand retrained bots must not all be pulled into every replica), and is no longer taken as model-less.
    /// </summary>
    public async Task<LoadedModel?> ActivateAsync(string botId, string version, CancellationToken cancellationToken)
    {
        _absentUntil.TryRemove(botId, out _);
        var current = Peek(botId);
        if (current is null || string.CompareOrdinal(current.Version, version) >= 0)
            return current;
        return await LoadOnceAsync(botId, version, cancellationToken);
    }

    /// <summary>Unloads a deleted bot's model, unless a version newer than the deletion is loaded (the bot was made again).</summary>
    public void Withdraw(string botId, string deletedAt)
    {
        _absentUntil.TryRemove(botId, out _);
        lock (_gate)
        {
            if (!_byBot.TryGetValue(botId, out var node) || string.CompareOrdinal(node.Value.Version, deletedAt) > 0)
                return;
            Remove(node);
        }
        LogWithdrawn(botId);
    }

    /// <summary>Unloads everything: the replica was cut off from model changes too long to trust what it holds.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _byBot.Clear();
            _recency.Clear();
            _bytes = 0;
        }
        _absentUntil.Clear();
    }

    private LoadedModel? Touch(string botId)
    {
        lock (_gate)
        {
            if (!_byBot.TryGetValue(botId, out var node))
                return null;
            if (node != _recency.First)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
            }
            return node.Value;
        }
    }

    private LoadedModel? Peek(string botId)
    {
        lock (_gate)
            return _byBot.TryGetValue(botId, out var node) ? node.Value : null;
    }

    /// <summary>Callers asking for the same bot share one load; it runs to its end even if the first caller gives up.</summary>
    private async Task<LoadedModel?> LoadOnceAsync(string botId, string? version, CancellationToken cancellationToken)
    {
        while (true)
        {
            Lazy<Task<LoadedModel?>>? mine = null;
            mine = new Lazy<Task<LoadedModel?>>(() => LoadAndForgetAsync(botId, version, mine!));
            var load = _inFlight.GetOrAdd(botId, mine);
            var loaded = await load.Value.WaitAsync(cancellationToken);
            // A load joined for another version (or for "current" before this one existed) may not answer this caller;
            // a load of its own answers it whatever it found.
            if (load == mine || version is null || (loaded is not null && string.CompareOrdinal(loaded.Version, version) >= 0))
                return loaded;
        }
    }

    private async Task<LoadedModel?> LoadAndForgetAsync(string botId, string? version, Lazy<Task<LoadedModel?>> self)
    {
        await Task.Yield();
        try
        {
            return await LoadAsync(botId, version);
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(botId, self));
        }
    }

    private async Task<LoadedModel?> LoadAsync(string botId, string? version)
    {
        await _loadSlots.WaitAsync();
        try
        {
            var manifest = version is null
                ? await repository.GetCurrentAsync(botId, CancellationToken.None)
                : await repository.GetAsync(botId, version, CancellationToken.None);
            var current = Peek(botId);
            if (manifest is null)
            {
                if (version is null)
                    MarkAbsent(botId);
                return current;
            }
            if (current is not null && string.CompareOrdinal(current.Version, manifest.Version) >= 0)
                return current;
            ChatbotPipeline.Nlu.NluModel model;
            try
            {
                model = await repository.LoadAsync(manifest.BotId, manifest.Version, CancellationToken.None,
                    options.Value.Encoders is { Count: > 0 } encoders ? encoders : null);
            }
            catch (Exception exception) when (exception is InvalidDataException or FileNotFoundException)
            {
                // A model of an older format (or a damaged one) must not fail every message: keep serving what is
                // loaded, or the fallback, until training publishes a version this build can read.
                LogUnloadable(exception, manifest.BotId, manifest.Version);
                MarkAbsent(botId);
                return current;
            }
            var loaded = new LoadedModel(manifest, model, Math.Max(model.ResidentBytes, manifest.ModelBytes));
            Admit(loaded);
            _absentUntil.TryRemove(botId, out _);
            LogActivated(botId, manifest.Version, loaded.Bytes / 1024);
            return loaded;
        }
        finally
        {
            _loadSlots.Release();
        }
    }

    private void Admit(LoadedModel loaded)
    {
        var evicted = new List<string>();
        lock (_gate)
        {
            if (_byBot.TryGetValue(loaded.Manifest.BotId, out var old))
            {
                if (string.CompareOrdinal(old.Value.Version, loaded.Version) >= 0)
                    return; // a newer one got in meanwhile
                Remove(old);
            }
            _byBot[loaded.Manifest.BotId] = _recency.AddFirst(loaded);
            _bytes += loaded.Bytes;
            _loads++;
            // The newest model stays even alone over the budget: a bot too large for it is still served.
            while (_bytes > BudgetBytes && _recency.Last is { } oldest && oldest != _recency.First)
            {
                evicted.Add(oldest.Value.Manifest.BotId);
                Remove(oldest);
                _evictions++;
            }
        }
        foreach (var botId in evicted)
            LogEvicted(botId, options.Value.ModelCacheMegabytes);
    }

    private void Remove(LinkedListNode<LoadedModel> node)
    {
        _recency.Remove(node);
        _byBot.Remove(node.Value.Manifest.BotId);
        _bytes -= node.Value.Bytes;
    }

    private void MarkAbsent(string botId)
    {
        var now = time.GetUtcNow();
        // Bounded: entries of bots that were asked for and have no model; expired ones go once there are many.
        if (_absentUntil.Count > 10_000)
            foreach (var (bot, until) in _absentUntil)
                if (until <= now)
                    _absentUntil.TryRemove(bot, out _);
        _absentUntil[botId] = now.AddSeconds(options.Value.ModelRefreshSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {BotId}: model {ModelVersion} cannot be loaded; retrain the bot to replace it")]
    private partial void LogUnloadable(Exception exception, string botId, string modelVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {BotId} now served by model {ModelVersion} ({Kilobytes} KiB)")]
    private partial void LogActivated(string botId, string modelVersion, long kilobytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot {BotId}: model unloaded, least recently used beyond the {Megabytes} MiB budget")]
    private partial void LogEvicted(string botId, int megabytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {BotId} was deleted: its model is unloaded")]
    private partial void LogWithdrawn(string botId);
}

/// <summary>The model cache's state: models loaded, their weight, its budget, and loads and evictions since start.</summary>
public sealed record ModelCacheUsage(int Models, long Bytes, long BudgetBytes, long Loads, long Evictions);
