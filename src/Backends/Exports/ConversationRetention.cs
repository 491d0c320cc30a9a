using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Objects;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Backends.Exports;

/// <summary>
/// Removes turns older than their bot's <c>retentionDays</c>, but only turns inside a completed export of that bot, so
/// nothing is removed that is not kept elsewhere. An export vouches for its range only up to an hour before it was
/// written: a message received just before it ran may still have been on its way through NLU.
/// </summary>
public sealed partial class ConversationRetention(IBotStore bots, IConversationStore turns, IObjectStore objects, TimeProvider time,
    ILogger<ConversationRetention> logger)
{
    private static readonly TimeSpan InFlightMargin = TimeSpan.FromHours(1);

    /// <returns>How many turns were removed.</returns>
    public async Task<long> PurgeAsync(CancellationToken cancellationToken)
    {
        var kept = (await bots.ListBotsAsync(cancellationToken)).Where(bot => bot.RetentionDays is not null).ToList();
        if (kept.Count == 0)
            return 0;
        var exports = await CompletedExportsAsync(cancellationToken);
        var now = time.GetUtcNow();
        long removed = 0;
        foreach (var bot in kept)
        {
            var cutoff = now.AddDays(-bot.RetentionDays!.Value);
            foreach (var export in exports.Where(e => e.BotId == bot.Id))
            {
                var until = Min(cutoff, Min(export.To, export.CreatedAt - InFlightMargin));
                if (export.From < until)
                    removed += await turns.DeleteTurnsAsync(bot.Id, export.From, until, cancellationToken);
            }
        }
        if (removed > 0)
            LogRemoved(removed);
        return removed;
    }

    private async Task<List<ExportManifest>> CompletedExportsAsync(CancellationToken cancellationToken)
    {
        var manifests = new List<ExportManifest>();
        foreach (var key in (await objects.ListAsync("exports/", cancellationToken)).Where(k => k.EndsWith("/status.json", StringComparison.Ordinal)))
            if (await objects.ReadJsonAsync<ExportStatus>(key, cancellationToken) is { State: ExportState.Completed, Manifest: { } manifest })
                manifests.Add(manifest);
        return manifests;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: removed {Count} exported turns past their bots' retention")]
    private partial void LogRemoved(long count);
}
