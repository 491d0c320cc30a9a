using MassTransit;

namespace ChatbotPipeline.Consumers.Analytics;

/// <summary>Queue <c>analytics</c>: retries ride out a busy or briefly unreachable document store.</summary>
public sealed class AnalyticsConsumerDefinition : ConsumerDefinition<AnalyticsConsumer>
{
    public AnalyticsConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AnalyticsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1000, 5000, 15000));
}
