using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Objects;

namespace ChatbotPipeline.Backends.Exports;

/// <summary>
/// Writes a bot's turns in a time range to the object store as gzip NDJSON (one turn per line, in the conversation
/// log's JSON shape). Turns stream from the store through gzip into a temporary file, which is then uploaded (in parts
/// on S3): memory stays flat however large the export, and the object appears whole or not at all.
/// </summary>
public sealed class ConversationExporter(IConversationStore turns, IObjectStore objects, ExportRecords records, TimeProvider time)
{
    private static readonly byte[] NewLine = [(byte)'\n'];

    public async Task<ExportManifest> ExportAsync(string exportId, string botId, DateTimeOffset from, DateTimeOffset to, string format,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chatbot-export-{exportId}.ndjson.gz");
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        long count = 0;
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
        {
            // Each line is serialized into one reused buffer and handed to gzip whole: flushing a JSON writer over the
            // gzip stream would flush the compressor on every turn.
            var line = new ArrayBufferWriter<byte>(4096);
            await using var json = new Utf8JsonWriter(line);
            await foreach (var turn in turns.ReadTurnsAsync(botId, from, to, cancellationToken))
            {
                line.ResetWrittenCount();
                json.Reset(line);
                JsonSerializer.Serialize(json, turn, DocumentJson.Options);
                json.Flush();
                line.Write(NewLine);
                await gzip.WriteAsync(line.WrittenMemory, cancellationToken);
                count++;
            }
        }

        var bytes = file.Length;
        file.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        file.Position = 0;
        var key = ExportRecords.DataKey(exportId);
        await objects.PutAsync(key, file, cancellationToken);
        var manifest = new ExportManifest(exportId, botId, from, to, format, count, bytes, sha256, key, time.GetUtcNow());
        await records.SaveManifestAsync(manifest, cancellationToken);
        return manifest;
    }
}
