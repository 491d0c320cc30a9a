using ChatbotPipeline.Backends.Exports;
using ChatbotPipeline.Backends.Models;
using Quartz;

namespace ChatbotPipeline.Training;

/// <summary>
/// Hourly: removes exported turns past their bot's retention, and hours of model changes no replica reads any more.
/// Runs beside training, the one host with a scheduler.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(ConversationRetention retention, ModelRepository models, TimeProvider time) : IJob
{
    public const string Hourly = "0 17 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await retention.PurgeAsync(cancellationToken);
        await models.Changes.PruneAsync(time.GetUtcNow(), cancellationToken);
    }
}
