using System.Text.Json.Serialization;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Backends.Exports;

/// <summary>Where an export is: asked for, being written, in the object store, or failed (with why).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportState>))]
public enum ExportState
{
    Pending,
    Running,
    Completed,
    Failed,
}

/// <summary>An export's record, kept beside its data in the object store.</summary>
/// <param name="Manifest">What was written, once <see cref="ExportState.Completed"/>.</param>
public sealed record ExportStatus(
    string ExportId,
    string BotId,
    DateTimeOffset From,
    DateTimeOffset To,
    string Format,
    ExportState State,
    DateTimeOffset RequestedAt,
    ExportManifest? Manifest = null,
    string? Error = null)
{
    /// <summary>The record of a requested export, in the given state.</summary>
    public static ExportStatus Of(ExportRequested request, ExportState state) =>
        new(request.ExportId, request.BotId, request.From, request.To, request.Format, state, request.RequestedAt);
}

/// <summary>What an export holds, written next to it as <c>manifest.json</c>, so the data can be checked wherever it is copied.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the gzip object's bytes.</param>
public sealed record ExportManifest(
    string ExportId,
    string BotId,
    DateTimeOffset From,
    DateTimeOffset To,
    string Format,
    long Turns,
    long Bytes,
    string Sha256,
    string ObjectKey,
    DateTimeOffset CreatedAt);
