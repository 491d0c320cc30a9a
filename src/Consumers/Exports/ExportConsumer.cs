using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Exports;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Exports;

/// <summary>
/// Writes an export once. A completed export is never written again (a redelivered request is acknowledged and
/// dropped); a lease per export id keeps two replicas from writing the same one at once.
/// Its outcome is the export's status (<c>GET /api/exports/{id}</c>), which is what callers poll.
/// </summary>
public sealed partial class ExportConsumer(ExportRecords records, ConversationExporter exporter, ICacheStore cache,
    ILogger<ExportConsumer> logger) : IConsumer<ExportRequested>
{
    /// <summary>Longer than any export takes; a replica that died holding it frees it after this.</summary>
    private static readonly TimeSpan LeaseLifetime = TimeSpan.FromHours(1);

    public async Task Consume(ConsumeContext<ExportRequested> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await IsCompletedAsync(request.ExportId, cancellationToken))
        {
            LogAlreadyDone(request.ExportId);
            return;
        }
        await using var lease = await cache.TryAcquireLeaseAsync($"lease:export:{request.ExportId}", LeaseLifetime, cancellationToken)
            ?? throw new ExportInProgressException(request.ExportId);
        // Another replica may have finished between the first look and the lease.
        if (await IsCompletedAsync(request.ExportId, cancellationToken))
            return;

        var status = ExportStatus.Of(request, ExportState.Running);
        await records.SaveAsync(status, cancellationToken);
        ExportManifest manifest;
        try
        {
            manifest = await exporter.ExportAsync(request.ExportId, request.BotId, request.From, request.To, request.Format, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await records.SaveAsync(status with { State = ExportState.Failed, Error = exception.Message }, CancellationToken.None);
            throw;
        }
        await records.SaveAsync(status with { State = ExportState.Completed, Manifest = manifest }, cancellationToken);
        LogExported(request.ExportId, request.BotId, manifest.Turns, manifest.Bytes);
    }

    private async Task<bool> IsCompletedAsync(string exportId, CancellationToken cancellationToken) =>
        (await records.GetAsync(exportId, cancellationToken))?.State == ExportState.Completed;

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} of bot {BotId}: {Turns} turns, {Bytes} bytes")]
    private partial void LogExported(string exportId, string botId, long turns, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} is already complete; the repeated request is dropped")]
    private partial void LogAlreadyDone(string exportId);
}

/// <summary>Another replica is writing this export; the request is retried later.</summary>
public sealed class ExportInProgressException(string exportId) : Exception($"Export {exportId} is being written by another consumer.");
