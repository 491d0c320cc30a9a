using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>
/// Queue <c>notification</c>: spaced retries for a receiver that is down, none for one that refused;
/// what still fails goes to <c>notification_error</c> with its exception.
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
        IConsumerConfigurator<NotificationConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(_options.RetryIntervalsMilliseconds);
            retry.Ignore<ReplyRejectedException>();
        });
}
