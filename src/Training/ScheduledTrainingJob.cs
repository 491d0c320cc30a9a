using ChatbotPipeline.Backends.Documents;
using MassTransit;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatbotPipeline.Training;

/// <summary>
/// Runs every minute and retrains each bot whose schedule (its own <c>TrainingCron</c>, or <c>Training:Cron</c>)
/// fell due since the previous run, and whose data changed since its current model. On its first run it trains
/// every bot that changed, so bots without a model get one.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledTrainingJob(
    IBotStore bots, BotModelTrainer trainer, IPublishEndpoint publisher, StartupTraining startup, IOptions<TrainingOptions> options, TimeProvider time) : IJob
{
    public const string EveryMinute = "0 * * * * ?";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        new(RunAsync(context.MergedJobDataMap.ContainsKey(StartRunKey) ? null : context.PreviousFireTimeUtc ?? time.GetUtcNow(), time.GetUtcNow(), cancellationToken));

    /// <summary>Trains the bots due between <paramref name="since"/> and <paramref name="now"/>; every bot when <paramref name="since"/> is null.</summary>
    public async Task RunAsync(DateTimeOffset? since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var bot in await bots.ListBotsAsync(cancellationToken))
                if (since is null || TrainingSchedule.IsDue(bot.TrainingCron ?? options.Value.Cron, since.Value, now))
                    await trainer.TrainAsync(new TrainingRequest(bot.Id, Force: false, Trigger: Triggers.Schedule), publisher, cancellationToken);
        }
        finally
        {
            // A run that failed part-way is over too: readiness must not wait for a bot that cannot be trained.
            if (since is null)
                startup.Finished();
        }
    }

    /// <summary>Job data flag of the run at start, which trains every changed bot whatever its schedule.</summary>
    public const string StartRunKey = "start";
}
