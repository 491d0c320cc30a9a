using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Exports;

/// <summary>
/// Queue <c>export</c>: two exports at a time per replica (each streams from the document store and uploads); spaced
/// retries ride out a store that is down or another replica finishing the same export.
/// </summary>
public sealed class ExportConsumerDefinition : ConsumerDefinition<ExportConsumer>
{
    private readonly ExportOptions _options;

    public ExportConsumerDefinition(IOptions<ExportOptions> options)
    {
        _options = options.Value;
        ConcurrentMessageLimit = _options.ConcurrentExports;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExportConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(_options.RetryWaits));
}
