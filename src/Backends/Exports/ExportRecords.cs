using ChatbotPipeline.Backends.Objects;

namespace ChatbotPipeline.Backends.Exports;

/// <summary>
/// Exports in the object store: <c>exports/{exportId}/turns.ndjson.gz</c> (the data), <c>manifest.json</c> (what it
/// holds) and <c>status.json</c> (where the export is). Export ids are unique across bots.
/// </summary>
public sealed class ExportRecords(IObjectStore objects)
{
    public static string DataKey(string exportId) => $"exports/{exportId}/turns.ndjson.gz";

    public static string ManifestKey(string exportId) => $"exports/{exportId}/manifest.json";

    private const string Prefix = "exports/";
    private const string StatusName = "/status.json";

    private static string StatusKey(string exportId) => $"{Prefix}{exportId}{StatusName}";

    public Task<ExportStatus?> GetAsync(string exportId, CancellationToken cancellationToken) =>
        objects.ReadJsonAsync<ExportStatus>(StatusKey(exportId), cancellationToken);

    public Task SaveAsync(ExportStatus status, CancellationToken cancellationToken) =>
        objects.PutJsonAsync(StatusKey(status.ExportId), status, cancellationToken);

    public Task SaveManifestAsync(ExportManifest manifest, CancellationToken cancellationToken) =>
        objects.PutJsonAsync(ManifestKey(manifest.ExportId), manifest, cancellationToken);

    /// <summary>The manifests of every completed export, of every bot.</summary>
    public async Task<IReadOnlyList<ExportManifest>> ListCompletedAsync(CancellationToken cancellationToken)
    {
        var manifests = new List<ExportManifest>();
        foreach (var key in (await objects.ListAsync(Prefix, cancellationToken)).Where(k => k.EndsWith(StatusName, StringComparison.Ordinal)))
            if (await objects.ReadJsonAsync<ExportStatus>(key, cancellationToken) is { State: ExportState.Completed, Manifest: { } manifest })
                manifests.Add(manifest);
        return manifests;
    }

    /// <summary>The export's data, or null when it is not written.</summary>
    public Task<Stream?> OpenDataAsync(string exportId, CancellationToken cancellationToken) => objects.OpenReadAsync(DataKey(exportId), cancellationToken);

    /// <summary>A time-limited URL the data downloads from without credentials, when the store can make one (S3).</summary>
    public Task<Uri?> GetDownloadUrlAsync(string exportId, TimeSpan validFor, CancellationToken cancellationToken) =>
        objects.GetDownloadUrlAsync(DataKey(exportId), validFor, cancellationToken);
}
