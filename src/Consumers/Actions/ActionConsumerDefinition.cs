using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Consumers.Nlu;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// Queue <c>action</c>: the HTTP retries happen inside the call (<see cref="ActionCaller"/>); the message is retried
/// patiently only while the call memory (Redis) is unreachable or another replica is making the same call.
/// </summary>
public sealed class ActionConsumerDefinition : ConsumerDefinition<ActionConsumer>
{
    private readonly ActionOptions _options;

    public ActionConsumerDefinition(IOptions<ActionOptions> options)
    {
        _options = options.Value;
        ConcurrentMessageLimit = _options.ConcurrentCalls;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ActionConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<CacheUnavailableException>();
            retry.Handle<WorkInProgressException>();
            retry.Interval(_options.MemoryWaitAttempts, TimeSpan.FromMilliseconds(_options.MemoryWaitMilliseconds));
        });
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(_options.RetryWaits);
            retry.Ignore<UnknownBotException>();
            retry.Ignore<CacheUnavailableException>();
            retry.Ignore<WorkInProgressException>();
        });
    }
}
