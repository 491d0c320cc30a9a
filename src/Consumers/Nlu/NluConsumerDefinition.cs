using ChatbotPipeline.Consumers.Actions;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>Queue <c>nlu</c>: bounded concurrency, one conversation's messages in order (<see cref="ConversationLease"/>, <see cref="ConversationOrder"/>), brief retries for transient faults.</summary>
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
            retry.Intervals(_options.RetryWaits);
            retry.Ignore<UnknownBotException>();
            retry.Ignore<ConversationHeldException>();
            retry.Ignore<ConversationOutOfOrderException>();
        });
        // No partition by conversation: the conversation lease keeps its messages one at a time without queueing them
        // behind one another, so a message waiting for its predecessor never holds up the predecessor itself.
    }
}
