using ChatbotPipeline.Backends.Exports;
using Quartz;

namespace ChatbotPipeline.Training;

/// <summary>Hourly: removes exported turns past their bot's retention. Runs beside training, the one host with a scheduler.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(ConversationRetention retention) : IJob
{
    public const string Hourly = "0 17 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await retention.PurgeAsync(cancellationToken);
}
