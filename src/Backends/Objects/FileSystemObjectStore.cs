using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends.Objects;

/// <summary>Objects as files under a local folder; writes go to a temporary file that is then moved into place.</summary>
public sealed class FileSystemObjectStore : IObjectStore
{
    private readonly string _root;

    public FileSystemObjectStore(IOptions<ObjectsOptions> options)
    {
        _root = Path.GetFullPath(options.Value.FileSystem.Path);
        Directory.CreateDirectory(_root);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = CreateTemporary(temporary))
                await content.CopyToAsync(file, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static FileStream CreateTemporary(string temporary)
    {
        try
        {
            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A delete emptied and removed the folder between its creation and this write.
            Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    /// <summary>A folder has no URLs of its own: the API serves the object.</summary>
    public Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan validFor, CancellationToken cancellationToken = default) => Task.FromResult<Uri?>(null);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        // Walk only the folder the prefix names (its whole segments), not the whole store: a model sweep lists one
        // hour's changes among every bot's models.
        var folder = prefix.LastIndexOf('/') is var slash and >= 0 ? prefix[..slash] : "";
        var start = folder.Length == 0 ? _root : PathOf(folder);
        IReadOnlyList<string> keys = !Directory.Exists(start) ? [] : Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(keys);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (File.Exists(path))
            File.Delete(path);
        // Folders emptied by deletes (a pruned model version, an old hour of changes) would otherwise pile up.
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > _root.Length; folder = Path.GetDirectoryName(folder))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(folder).Any())
                    break;
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                break; // a writer created something in it meanwhile
            }
        }
        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(_root, ObjectKey.Validate(key).Replace('/', Path.DirectorySeparatorChar));
}
