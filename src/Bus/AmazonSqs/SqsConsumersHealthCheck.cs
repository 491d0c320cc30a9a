using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>Ready once this host receives from all its SQS queues.</summary>
public sealed class SqsConsumersHealthCheck(IEnumerable<IHostedService> hosted) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(hosted.OfType<SqsConsumerHost>().All(host => host.Receiving)
            ? HealthCheckResult.Healthy("Receiving from SQS.")
            : HealthCheckResult.Unhealthy("Not receiving from SQS yet: the queues did not answer (see the log)."));
}
