using MassTransit;

namespace ChatbotPipeline.Training;

/// <summary>Queue <c>training</c>: one training at a time per replica, since each uses a whole core.</summary>
public sealed class TrainingConsumerDefinition : ConsumerDefinition<TrainingConsumer>
{
    public TrainingConsumerDefinition() => ConcurrentMessageLimit = 1;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TrainingConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(1000, 10000));
}
