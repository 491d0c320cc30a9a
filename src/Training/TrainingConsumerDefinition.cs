using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Training;

/// <summary>
/// Queue <c>training</c>. <see cref="TrainingSlots"/> decides how many run at once and in which lane; the consumer takes
/// a few requests per place from the queue, so a small bot's request is read (and trained in the place kept for small
/// bots) while large ones train, instead of waiting unread behind them.
/// </summary>
public sealed class TrainingConsumerDefinition : ConsumerDefinition<TrainingConsumer>
{
    public const int RequestsReadPerPlace = 4;

    private readonly TrainingOptions _options;

    public TrainingConsumerDefinition(IOptions<TrainingOptions> options)
    {
        _options = options.Value;
        ConcurrentMessageLimit = _options.ConcurrentTrainings * RequestsReadPerPlace;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TrainingConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(_options.RetryWaits));
}
