using MassTransit;

namespace ChatbotPipeline.Consumers.ConversationLog;

/// <summary>Queue <c>conversation-log</c>: retries ride out a busy or briefly unreachable document store.</summary>
public sealed class ConversationLogConsumerDefinition : ConsumerDefinition<ConversationLogConsumer>
{
    public ConversationLogConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ConversationLogConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1000, 5000, 15000));
}
