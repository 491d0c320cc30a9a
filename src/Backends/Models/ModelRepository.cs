using ChatbotPipeline.Backends.Objects;
using ChatbotPipeline.Nlu;
using ChatbotPipeline.Nlu.Entities.Learned;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Backends.Models;

/// <summary>
/// The layout of models in the object store: <c>models/{bot}/{version}/model.bin</c> (intents), <c>entities.bin</c>
/// (the tagger, when the bot has one) and <c>manifest.json</c>, plus <c>models/{bot}/current.json</c>, the manifest
/// of the version NLU should serve, written last. Every publication and withdrawal is also noted in the
/// <see cref="Changes"/> journal, which replicas read instead of every bot's <c>current.json</c>.
/// </summary>
public sealed class ModelRepository(IObjectStore objects)
{
    /// <summary>When each bot's model last changed, by hour.</summary>
    public ModelChangeJournal Changes { get; } = new(objects);

    /// <summary>Serializes a trained model to what <see cref="PublishAsync"/> stores, so its size can be checked first.</summary>
    public static SerializedModel Serialize(TrainedNluModel trained)
    {
        var intents = new MemoryStream();
        trained.Model.Intents.Save(intents);
        MemoryStream? entities = null;
        if (trained.Model.Entities is { } tagger)
        {
            entities = new MemoryStream();
            tagger.Save(entities);
        }
        return new SerializedModel(trained, intents.ToArray(), entities?.ToArray());
    }

    /// <summary>Stores a model and makes it the bot's current version.</summary>
    public async Task<ModelManifest> PublishAsync(string botId, string version, DateTimeOffset createdAt, string dataHash, SerializedModel model, CancellationToken cancellationToken)
    {
        var trained = model.Trained;
        var manifest = new ModelManifest(botId, version, createdAt, dataHash, trained.Metrics, model.Bytes, trained.Settings,
            trained.Model.Entities?.Entities ?? []);
        await objects.PutAsync($"{VersionPrefix(botId, version)}{IntentsFile}", new MemoryStream(model.Intents), cancellationToken);
        if (model.Entities is not null)
            await objects.PutAsync($"{VersionPrefix(botId, version)}{EntitiesFile}", new MemoryStream(model.Entities), cancellationToken);
        await objects.PutJsonAsync($"{VersionPrefix(botId, version)}manifest.json", manifest, cancellationToken);
        await objects.PutJsonAsync(CurrentKey(botId), manifest, cancellationToken);
        await Changes.RecordPublishedAsync(botId, version, createdAt, cancellationToken);
        return manifest;
    }

    /// <summary>Removes every model of a deleted bot and notes the withdrawal, so replicas unload it.</summary>
    public async Task WithdrawAsync(string botId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await objects.DeleteAsync(CurrentKey(botId), cancellationToken);
        await Changes.RecordWithdrawnAsync(botId, at, cancellationToken);
        foreach (var key in await objects.ListAsync($"models/{botId}/", cancellationToken))
            await objects.DeleteAsync(key, cancellationToken);
    }

    /// <summary>
    /// Deletes the bot's versions but the newest <paramref name="keep"/> and the current one (a gate may have kept an
    /// older version current); returns the versions deleted.
    /// </summary>
    public async Task<IReadOnlyList<string>> PruneAsync(string botId, int keep, CancellationToken cancellationToken)
    {
        var current = (await GetCurrentAsync(botId, cancellationToken))?.Version;
        var prefix = $"models/{botId}/";
        var keys = await objects.ListAsync(prefix, cancellationToken);
        var versions = keys.Select(k => k[prefix.Length..].Split('/')).Where(s => s.Length == 2).Select(s => s[0])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var expired = versions.Take(Math.Max(0, versions.Count - keep)).Where(v => v != current).ToList();
        foreach (var key in keys.Where(k => expired.Any(v => k.StartsWith($"{prefix}{v}/", StringComparison.Ordinal))))
            await objects.DeleteAsync(key, cancellationToken);
        return expired;
    }

    /// <summary>The manifest of the bot's current version, or null when it has no model.</summary>
    public Task<ModelManifest?> GetCurrentAsync(string botId, CancellationToken cancellationToken) =>
        objects.ReadJsonAsync<ModelManifest>(CurrentKey(botId), cancellationToken);

    /// <summary>The manifest of one version, or null when there is no such version.</summary>
    public Task<ModelManifest?> GetAsync(string botId, string version, CancellationToken cancellationToken) =>
        objects.ReadJsonAsync<ModelManifest>($"{VersionPrefix(botId, version)}manifest.json", cancellationToken);

    /// <summary>Loads a version's model.</summary>
    /// <exception cref="FileNotFoundException">The version has no model in the store.</exception>
    /// <exception cref="InvalidDataException">The stored model is damaged or of an older format.</exception>
    /// <param name="allowedEncoders">The sentence encoders the caller serves with; null: any this build has.</param>
    public async Task<NluModel> LoadAsync(string botId, string version, CancellationToken cancellationToken, IReadOnlyCollection<string>? allowedEncoders = null)
    {
        var intentsKey = $"{VersionPrefix(botId, version)}{IntentsFile}";
        using var intents = await ReadAllAsync(intentsKey, cancellationToken) ?? throw new FileNotFoundException($"No model at '{intentsKey}'.");
        using var entities = await ReadAllAsync($"{VersionPrefix(botId, version)}{EntitiesFile}", cancellationToken);
        var intentModel = IntentModel.Load(intents, allowedEncoders);
        // The tagger is weighed as the intent model is: by what reading it allocated on this thread.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var tagger = entities is null ? null : EntityTagger.Load(entities);
        return new NluModel(intentModel, tagger) { ResidentBytes = intentModel.ResidentBytes + GC.GetAllocatedBytesForCurrentThread() - before };
    }

    private const string IntentsFile = "model.bin";
    private const string EntitiesFile = "entities.bin";

    // Models are read synchronously: buffer them rather than block on a network stream.
    private async Task<MemoryStream?> ReadAllAsync(string key, CancellationToken cancellationToken)
    {
        await using var stream = await objects.OpenReadAsync(key, cancellationToken);
        if (stream is null)
            return null;
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return buffer;
    }

    private static string VersionPrefix(string botId, string version) => $"models/{botId}/{version}/";

    private static string CurrentKey(string botId) => $"models/{botId}/current.json";
}
