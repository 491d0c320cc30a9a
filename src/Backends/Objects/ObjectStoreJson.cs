using System.Text.Json;
using ChatbotPipeline.Backends.Documents;

namespace ChatbotPipeline.Backends.Objects;

/// <summary>Small JSON documents (manifests, training runs) in the object store, in the documents' JSON shape.</summary>
public static class ObjectStoreJson
{
    public static async Task PutJsonAsync<T>(this IObjectStore objects, string key, T value, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, DocumentJson.Options));
        await objects.PutAsync(key, json, cancellationToken);
    }

    /// <summary>The document at the key, or null when there is none.</summary>
    public static async Task<T?> ReadJsonAsync<T>(this IObjectStore objects, string key, CancellationToken cancellationToken)
    {
        await using var stream = await objects.OpenReadAsync(key, cancellationToken);
        return stream is null ? default : await JsonSerializer.DeserializeAsync<T>(stream, DocumentJson.Options, cancellationToken);
    }
}
