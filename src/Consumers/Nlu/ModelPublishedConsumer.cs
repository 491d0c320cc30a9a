using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>Switches this replica to a newly published model version.</summary>
public sealed class ModelPublishedConsumer(ModelRegistry models) : IConsumer<ModelPublished>
{
    public Task Consume(ConsumeContext<ModelPublished> context) =>
        models.ActivateAsync(context.Message.BotId, context.Message.Version, context.CancellationToken);
}
