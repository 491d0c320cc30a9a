using MassTransit;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// Every NLU replica must hear of every new model, so each gets its own temporary queue
/// (<c>model-published-{instance}</c>) instead of competing for one.
/// </summary>
public sealed class ModelPublishedConsumerDefinition : ConsumerDefinition<ModelPublishedConsumer>
{
    public ModelPublishedConsumerDefinition()
    {
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ModelPublishedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(500, 2000, 5000));
}
