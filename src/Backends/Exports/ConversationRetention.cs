using ChatbotPipeline.Backends.Documents;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Backends.Exports;

/// <summary>
/// Removes turns older than their bot's <c>retentionDays</c>, but only turns inside a completed export of that bot, so
/// nothing is removed that is not kept elsewhere. An export vouches for its range only up to an hour before it was
/// written: a message received just before it ran may still have been on its way through NLU.
/// </summary>
public sealed partial class ConversationRetention(IBotStore bots, IConversationStore turns, ExportRecords exports, TimeProvider time,
    ILogger<ConversationRetention> logger)
{
    private static readonly TimeSpan InFlightMargin = TimeSpan.FromHours(1);

    /// <returns>How many turns were removed.</returns>
    public async Task<long> PurgeAsync(CancellationToken cancellationToken)
    {
        var kept = (await bots.ListBotsAsync(cancellationToken)).Where(bot => bot.RetentionDays is not null).ToList();
        if (kept.Count == 0)
            return 0;
        var completed = await exports.ListCompletedAsync(cancellationToken);
        var now = time.GetUtcNow();
        long removed = 0;
        foreach (var bot in kept)
        {
            var cutoff = now.AddDays(-bot.RetentionDays!.Value);
            foreach (var export in completed.Where(e => e.BotId == bot.Id))
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

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: removed {Count} exported turns past their bots' retention")]
    private partial void LogRemoved(long count);
}
