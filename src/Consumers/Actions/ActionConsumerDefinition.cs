using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Consumers.Nlu;
using MassTransit;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// Queue <c>action</c>: the HTTP retries happen inside the call (<see cref="ActionCaller"/>); the message is retried
/// patiently only while the call memory (Redis) is unreachable or another replica is making the same call.
/// </summary>
public sealed class ActionConsumerDefinition : ConsumerDefinition<ActionConsumer>
{
    public ActionConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ActionConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<CacheUnavailableException>();
            retry.Handle<WorkInProgressException>();
            retry.Interval(240, TimeSpan.FromMilliseconds(500));
        });
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(500, 2000);
            retry.Ignore<UnknownBotException>();
            retry.Ignore<CacheUnavailableException>();
            retry.Ignore<WorkInProgressException>();
        });
    }
}
