using ChatbotPipeline.Backends.Documents;
using MassTransit;
using Quartz;

namespace ChatbotPipeline.Training;

/// <summary>Retrains every bot whose training data changed since its current model (and trains bots that have none).</summary>
[DisallowConcurrentExecution]
public sealed class ScheduledTrainingJob(IBotStore bots, BotModelTrainer trainer, IPublishEndpoint publisher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var bot in await bots.ListBotsAsync(cancellationToken))
            await trainer.TrainAsync(bot.Id, force: false, publisher, cancellationToken);
    }
}
