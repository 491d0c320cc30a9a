namespace ChatbotPipeline.Contracts;

/// <summary>A request to copy a bot's conversation turns received in [<paramref name="From"/>, <paramref name="To"/>) to the object store.</summary>
/// <param name="ExportId">Names the export: a redelivery with the same id never makes a second one.</param>
/// <param name="Format">The file format; <c>ndjson</c> (gzip-compressed JSON lines, one turn per line) is the one there is.</param>
public sealed record ExportRequested(string ExportId, string BotId, DateTimeOffset From, DateTimeOffset To, string Format, DateTimeOffset RequestedAt)
{
    /// <summary>Gzip-compressed JSON lines, one turn per line: the one format there is.</summary>
    public const string NdJson = "ndjson";
}
