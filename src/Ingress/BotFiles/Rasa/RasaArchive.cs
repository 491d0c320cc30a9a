using System.Formats.Tar;
using System.IO.Compression;

namespace ChatbotPipeline.Ingress.BotFiles.Rasa;

/// <summary>
/// A Rasa project sent as a .zip or .tar.gz: its domain, <c>data/</c> files and endpoints.yml, read within a budget — at
/// most <see cref="MaxEntries"/> entries and <see cref="BotFilesApi.MaxFileBytes"/> unpacked in all, so an archive bomb
/// costs what a plain file of that size would.
/// </summary>
public static class RasaArchive
{
    public const int MaxEntries = 1_000;

    public static bool IsArchive(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith(new byte[] { 0x1F, 0x8B });

    /// <summary>The project's YAML files as (path, bytes), or why the archive cannot be read.</summary>
    public static (List<(string Path, byte[] Bytes)> Files, string? Error) Read(byte[] archive)
    {
        var files = new List<(string, byte[])>();
        long unpacked = 0;
        var entries = 0;
        try
        {
            foreach (var (path, open) in Entries(archive))
            {
                if (++entries > MaxEntries)
                    return (files, $"The archive has more than {MaxEntries} entries.");
                if (!IsProjectFile(path))
                    continue;
                using var source = open();
                using var copy = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = source.Read(buffer)) > 0)
                {
                    unpacked += read;
                    if (unpacked > BotFilesApi.MaxFileBytes)
                        return (files, $"The archive unpacks to more than {BotFilesApi.MaxFileBytes} bytes.");
                    copy.Write(buffer, 0, read);
                }
                files.Add((path, copy.ToArray()));
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or FormatException)
        {
            return (files, $"The archive could not be read: {exception.Message}");
        }
        return files.Count == 0 ? (files, "The archive holds no domain.yml, data/*.yml or endpoints.yml.") : (files, null);
    }

    private static IEnumerable<(string Path, Func<Stream> Open)> Entries(byte[] archive)
    {
        if (archive.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
                yield return (entry.FullName, entry.Open);
            yield break;
        }
        using var tar = new TarReader(new GZipStream(new MemoryStream(archive), CompressionMode.Decompress));
        while (tar.GetNextEntry() is { } entry)
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
                yield return (entry.Name, () => data);
    }

    /// <summary>What Rasa reads of a project: domain.yml (or domain/), data/**, endpoints.yml — at the root or in one folder.</summary>
    private static bool IsProjectFile(string path)
    {
        var parts = path.Replace('\\', '/').TrimStart('.', '/').Split('/');
        if (parts.Length > 1 && parts[0] is not ("data" or "domain"))
            parts = parts[1..];
        var name = parts[^1];
        return (name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal))
            && (parts is ["domain.yml" or "domain.yaml" or "endpoints.yml" or "endpoints.yaml"] || parts[0] is "data" or "domain");
    }
}
