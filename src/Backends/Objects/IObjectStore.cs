namespace ChatbotPipeline.Backends.Objects;

/// <summary>Named blobs, as S3 keeps them: keys are <c>/</c>-separated paths such as <c>models/demo/v1/model.bin</c>.</summary>
public interface IObjectStore
{
    /// <summary>Writes the object whole: readers see the old object or the new one, never a part.</summary>
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>A stream over the object, or null when there is none; callers dispose it.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The keys that start with the prefix, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// A URL the object can be fetched from without credentials until <paramref name="validFor"/> has passed (S3: a
    /// presigned GET), or null when the store has no such thing (a local folder: serve the object yourself).
    /// </summary>
    Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan validFor, CancellationToken cancellationToken = default);

    /// <summary>Removes the object; nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
