using System.Diagnostics.Metrics;

namespace ChatbotPipeline.Backends.Objects;

/// <summary>
/// Counts the requests made to the object store, by operation, on the <c>ChatbotPipeline.Objects</c> meter: what an
/// S3 bill charges for, and what must not grow with the number of idle bots.
/// </summary>
public sealed class MeteredObjectStore : IObjectStore
{
    public const string MeterName = "ChatbotPipeline.Objects";

    private readonly IObjectStore _inner;
    private readonly Counter<long> _requests;

    public MeteredObjectStore(IObjectStore inner, IMeterFactory meters)
    {
        _inner = inner;
        _requests = meters.Create(MeterName).CreateCounter<long>("requests", "{request}",
            "Requests to the object store by operation (put, get, list, delete, url).");
    }

    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        Count("put");
        return _inner.PutAsync(key, content, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        Count("get");
        return _inner.OpenReadAsync(key, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        Count("list");
        return _inner.ListAsync(prefix, cancellationToken);
    }

    public Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan validFor, CancellationToken cancellationToken = default)
    {
        Count("url");
        return _inner.GetDownloadUrlAsync(key, validFor, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        Count("delete");
        return _inner.DeleteAsync(key, cancellationToken);
    }

    private void Count(string operation) => _requests.Add(1, new KeyValuePair<string, object?>("operation", operation));
}
