namespace ChatbotPipeline.Contracts;

/// <summary>An export is in the object store: <paramref name="ObjectKey"/> holds <paramref name="Turns"/> turns in <paramref name="Bytes"/> bytes.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the stored object, to check a download against.</param>
public sealed record ExportCompleted(string ExportId, string BotId, long Turns, long Bytes, string Sha256, string ObjectKey, DateTimeOffset CompletedAt);
