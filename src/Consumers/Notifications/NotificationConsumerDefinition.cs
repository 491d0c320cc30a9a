using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Channels.Replies;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>
/// Queue <c>notification</c>: spaced retries for a receiver that is down, none for one that refused, patient ones while
/// the delivery memory is unreachable; what still fails goes to <c>notification_error</c> with its exception.
/// </summary>
public sealed class NotificationConsumerDefinition : ConsumerDefinition<NotificationConsumer>
{
    private readonly NotificationOptions _options;

    public NotificationConsumerDefinition(IOptions<NotificationOptions> options)
    {
        _options = options.Value;
        ConcurrentMessageLimit = 32;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<NotificationConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Outer: without its delivery memory the consumer waits rather than send what it may have sent already.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<CacheUnavailableException>();
            retry.Handle<WorkInProgressException>();
            retry.Interval(_options.MemoryWaitAttempts, _options.MemoryWaitMilliseconds);
        });
        // Inner: a receiver that is down gets spaced retries, one that refused gets none.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(_options.RetryWaits);
            retry.Ignore<ReplyRejectedException>();
            retry.Ignore<CacheUnavailableException>();
            retry.Ignore<WorkInProgressException>();
        });
    }
}
