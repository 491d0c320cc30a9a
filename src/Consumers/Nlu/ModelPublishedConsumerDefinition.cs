using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// Every NLU replica must hear of every new model, so each gets its own temporary queue
/// (<c>model-published-{instance}</c>) instead of competing for one.
/// </summary>
public sealed class ModelPublishedConsumerDefinition : ConsumerDefinition<ModelPublishedConsumer>
{
    private readonly NluOptions _options;

    public ModelPublishedConsumerDefinition(IOptions<NluOptions> options)
    {
        _options = options.Value;
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ModelPublishedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(_options.ModelSwitchRetryWaits));
}
