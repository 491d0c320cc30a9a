using ChatbotPipeline.Consumers.Records;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.ConversationLog;

/// <summary>Queue <c>records</c>, shared with analytics: holds enough messages for full batches and retries by <see cref="RecordBatchOptions"/>.</summary>
public sealed class ConversationLogConsumerDefinition : ConsumerDefinition<ConversationLogConsumer>
{
    private readonly RecordBatchOptions _options;

    public ConversationLogConsumerDefinition(IOptions<RecordBatchOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.Records;
        ConcurrentMessageLimit = _options.MessageCapacity;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ConversationLogConsumer> consumerConfigurator, IRegistrationContext context) =>
        _options.Apply(consumerConfigurator);
}
