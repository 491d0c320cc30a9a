using System.Text.Json;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Objects;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Backends.Models;

/// <summary>
/// The layout of models in the object store: <c>models/{bot}/{version}/model.bin</c> and <c>manifest.json</c>,
/// plus <c>models/{bot}/current.json</c>, the manifest of the version NLU should serve, written last.
/// </summary>
public sealed class ModelRepository(IObjectStore objects)
{
    /// <summary>Stores a model and makes it the bot's current version.</summary>
    public async Task<ModelManifest> PublishAsync(string botId, string version, DateTimeOffset createdAt, string dataHash, TrainedIntentModel trained, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        trained.Model.Save(buffer);
        var manifest = new ModelManifest(botId, version, createdAt, dataHash, trained.Metrics, buffer.Length);
        buffer.Position = 0;
        await objects.PutAsync($"{VersionPrefix(botId, version)}model.bin", buffer, cancellationToken);
        await PutJsonAsync($"{VersionPrefix(botId, version)}manifest.json", manifest, cancellationToken);
        await PutJsonAsync(CurrentKey(botId), manifest, cancellationToken);
        return manifest;
    }

    /// <summary>The manifest of the bot's current version, or null when it has no model.</summary>
    public Task<ModelManifest?> GetCurrentAsync(string botId, CancellationToken cancellationToken) =>
        ReadJsonAsync<ModelManifest>(CurrentKey(botId), cancellationToken);

    /// <summary>The manifest of one version, or null when there is no such version.</summary>
    public Task<ModelManifest?> GetAsync(string botId, string version, CancellationToken cancellationToken) =>
        ReadJsonAsync<ModelManifest>($"{VersionPrefix(botId, version)}manifest.json", cancellationToken);

    /// <summary>Loads a version's model.</summary>
    /// <exception cref="FileNotFoundException">The version has no model in the store.</exception>
    public async Task<IntentModel> LoadAsync(string botId, string version, CancellationToken cancellationToken)
    {
        var key = $"{VersionPrefix(botId, version)}model.bin";
        await using var stream = await objects.OpenReadAsync(key, cancellationToken) ?? throw new FileNotFoundException($"No model at '{key}'.");
        // The model is read synchronously: buffer it rather than block on a network stream.
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return IntentModel.Load(buffer);
    }

    private static string VersionPrefix(string botId, string version) => $"models/{botId}/{version}/";

    private static string CurrentKey(string botId) => $"models/{botId}/current.json";

    private async Task PutJsonAsync<T>(string key, T value, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, DocumentJson.Options));
        await objects.PutAsync(key, json, cancellationToken);
    }

    private async Task<T?> ReadJsonAsync<T>(string key, CancellationToken cancellationToken)
    {
        await using var stream = await objects.OpenReadAsync(key, cancellationToken);
        return stream is null ? default : await JsonSerializer.DeserializeAsync<T>(stream, DocumentJson.Options, cancellationToken);
    }
}
