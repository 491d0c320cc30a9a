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

    public TrainingConsumerDefinition(IOptions<TrainingOptions> options) =>
        ConcurrentMessageLimit = options.Value.ConcurrentTrainings * RequestsReadPerPlace;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TrainingConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(1000, 10000));
}
