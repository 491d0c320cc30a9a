using System.Globalization;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Exports;
using ChatbotPipeline.Contracts;
using MassTransit;
using Quartz;

namespace ChatbotPipeline.Training;

/// <summary>
/// Every night, asks for the previous UTC day's export of each bot with <c>dailyExport</c>. The export id names the
/// bot and the day, so a second run (a restart, a second trainer replica) asks for nothing new.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DailyExportJob(IBotStore bots, ExportRecords exports, IPublishEndpoint publisher, TimeProvider time) : IJob
{
    /// <summary>00:30 every day, after the day has ended and its last messages have been logged.</summary>
    public const string Nightly = "0 30 0 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RequestAsync(time.GetUtcNow(), cancellationToken);

    public async Task RequestAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var from = today.AddDays(-1);
        foreach (var bot in (await bots.ListBotsAsync(cancellationToken)).Where(bot => bot.DailyExport))
        {
            var exportId = $"daily-{bot.Id}-{from.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
            if (await exports.GetAsync(exportId, cancellationToken) is not null)
                continue;
            var request = new ExportRequested(exportId, bot.Id, from, today, ExportRequested.NdJson, now);
            await exports.SaveAsync(ExportStatus.Of(request, ExportState.Pending), cancellationToken);
            await publisher.Publish(request, cancellationToken);
        }
    }
}
