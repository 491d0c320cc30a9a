using ChatbotPipeline.Consumers.Actions;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>Queue <c>nlu</c>: bounded concurrency, one conversation's messages in order, brief retries for transient faults.</summary>
public sealed class NluConsumerDefinition : ConsumerDefinition<NluConsumer>
{
    private readonly NluOptions _options;
    private readonly ActionOptions _actions;

    public NluConsumerDefinition(IOptions<NluOptions> options, IOptions<ActionOptions> actions)
    {
        _options = options.Value;
        _actions = actions.Value;
        ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<NluConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Outer: a conversation held by an earlier message's API call waits for it, as long as the hold may last.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<ConversationHeldException>();
            retry.Interval(ConversationHold.RetriesToOutlast(_actions), ConversationHold.RetryInterval);
        });
        // A message that arrived before its conversation's previous one waits for it, as long as the order wait lasts.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<ConversationOutOfOrderException>();
            retry.Interval(ConversationOrder.RetriesToOutlast(_options), ConversationOrder.RetryInterval);
        });
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(100, 500, 2000);
            retry.Ignore<UnknownBotException>();
            retry.Ignore<ConversationHeldException>();
            retry.Ignore<ConversationOutOfOrderException>();
        });
        // Two messages of one conversation racing would both read the same context: partition by conversation.
        consumerConfigurator.Message<MessageReceived>(message =>
            message.UsePartitioner(_options.ConcurrentMessageLimit, c => c.Message.ConversationId));
    }
}
