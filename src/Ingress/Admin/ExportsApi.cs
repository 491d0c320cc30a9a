using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Exports;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>
/// <c>POST /api/bots/{botId}/exports</c> asks for a bot's turns in a time range as gzip NDJSON in the object store;
/// <c>GET /api/exports/{exportId}</c> says how it went and where to download it; <c>…/download</c> serves it.
/// </summary>
public static class ExportsApi
{
    public const string Format = ExportRequested.NdJson;

    /// <summary>How long a presigned S3 download link works.</summary>
    private static readonly TimeSpan DownloadLinkLifetime = TimeSpan.FromHours(1);

    public static void MapExportsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/bots/{botId}/exports", RequestExport);
        api.MapGet("/exports/{exportId}", GetExport);
        api.MapGet("/exports/{exportId}/download", Download)
            .WithSummary("Download a completed export (gzipped NDJSON, a turn a line)")
            .Produces(StatusCodes.Status200OK, contentType: "application/gzip");
    }

    private static async Task<Results<Accepted<ExportAccepted>, ProblemHttpResult, ValidationProblem>> RequestExport(string botId, ExportRequest body,
        IBotStore bots, ExportRecords records, IPublishEndpoint publisher, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Problems(body) is { Count: > 0 } problems)
            return TypedResults.ValidationProblem(problems);
        if (await bots.GetBotAsync(botId, cancellationToken) is null)
            return ApiProblems.NoBot(botId);
        var request = new ExportRequested(Guid.CreateVersion7().ToString("N"), botId, body.From!.Value, body.To!.Value, Format, time.GetUtcNow());
        // The record exists before the request is on the bus, so GET answers at once (pending).
        await records.SaveAsync(ExportStatus.Of(request, ExportState.Pending), cancellationToken);
        await publisher.Publish(request, cancellationToken);
        return TypedResults.Accepted($"/api/exports/{request.ExportId}", new ExportAccepted(request.ExportId));
    }

    private static Dictionary<string, string[]> Problems(ExportRequest body)
    {
        var problems = new Dictionary<string, string[]>();
        if (body.From is null)
            problems["from"] = ["'from' is required (an ISO 8601 time, e.g. 2026-11-01T00:00:00Z)."];
        if (body.To is null)
            problems["to"] = ["'to' is required (an ISO 8601 time; turns before it are exported)."];
        if (body.From >= body.To)
            problems["to"] = ["'to' must be after 'from'."];
        if ((body.Format ?? Format) != Format)
            problems["format"] = [$"'format' must be '{Format}'."];
        return problems;
    }

    private static async Task<Results<Ok<ExportView>, ProblemHttpResult>> GetExport(string exportId, HttpContext context, ExportRecords records,
        CancellationToken cancellationToken)
    {
        if (await records.GetAsync(exportId, cancellationToken) is not { } status)
            return ApiProblems.NotFound($"There is no export '{exportId}'.");
        var download = status.State != ExportState.Completed
            ? null
            : (await records.GetDownloadUrlAsync(exportId, DownloadLinkLifetime, cancellationToken))?.ToString()
              ?? $"{context.Request.PathBase}/api/exports/{exportId}/download";
        return TypedResults.Ok(new ExportView(status, download));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(string exportId, ExportRecords records, CancellationToken cancellationToken)
    {
        if (await records.GetAsync(exportId, cancellationToken) is not { State: ExportState.Completed, Manifest: { } manifest }
            || await records.OpenDataAsync(exportId, cancellationToken) is not { } data)
            return ApiProblems.NotFound($"Export '{exportId}' has no completed file to download (GET /api/exports/{exportId} says where it stands).");
        return TypedResults.Stream(data, "application/gzip", $"{manifest.BotId}-{exportId}.ndjson.gz");
    }

    /// <summary>The body of an export request: a time range, <c>to</c> exclusive.</summary>
    public sealed record ExportRequest(DateTimeOffset? From = null, DateTimeOffset? To = null, string? Format = null);

    public sealed record ExportAccepted(string ExportId);

    /// <param name="DownloadUrl">Where the data downloads from once completed: a presigned S3 URL, or this API's download route (admin key required).</param>
    public sealed record ExportView(ExportStatus Export, string? DownloadUrl);
}
