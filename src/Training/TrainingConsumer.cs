using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Training;

/// <summary>Trains a bot on request (the admin API's train endpoint, a newly seeded or imported bot).</summary>
public sealed class TrainingConsumer(BotModelTrainer trainer) : IConsumer<TrainingRequested>
{
    public Task Consume(ConsumeContext<TrainingRequested> context) =>
        trainer.TrainAsync(new TrainingRequest(context.Message.BotId, context.Message.Force, context.Message.OverrideGate), context, context.CancellationToken);
}
