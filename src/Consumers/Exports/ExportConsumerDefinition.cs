using MassTransit;

namespace ChatbotPipeline.Consumers.Exports;

/// <summary>
/// Queue <c>export</c>: two exports at a time per replica (each streams from the document store and uploads); spaced
/// retries ride out a store that is down or another replica finishing the same export.
/// </summary>
public sealed class ExportConsumerDefinition : ConsumerDefinition<ExportConsumer>
{
    public ExportConsumerDefinition() => ConcurrentMessageLimit = 2;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExportConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(1000, 10000, 60000));
}
