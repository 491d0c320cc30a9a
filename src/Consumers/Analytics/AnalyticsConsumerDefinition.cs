using ChatbotPipeline.Consumers.Records;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Analytics;

/// <summary>Queue <c>records</c>, shared with the conversation log: holds enough messages for full batches and retries by <see cref="RecordBatchOptions"/>.</summary>
public sealed class AnalyticsConsumerDefinition : ConsumerDefinition<AnalyticsConsumer>
{
    private readonly RecordBatchOptions _options;

    public AnalyticsConsumerDefinition(IOptions<RecordBatchOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.Records;
        ConcurrentMessageLimit = _options.MessageCapacity;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AnalyticsConsumer> consumerConfigurator, IRegistrationContext context) =>
        _options.Apply(consumerConfigurator);
}
