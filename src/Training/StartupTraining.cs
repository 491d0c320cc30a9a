using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Training;

/// <summary>
/// Whether the training run at start (<see cref="TrainingOptions.TrainOnStart"/>) is over. A trainer is ready after it,
/// so a deployment started with untrained bots — the embedded default with its demo bot — is ready once they answer.
/// </summary>
public sealed class StartupTraining(IOptions<TrainingOptions> options) : IHealthCheck
{
    private volatile bool _finished;

    public void Finished() => _finished = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_finished || !options.Value.TrainOnStart || !options.Value.Schedule
            ? HealthCheckResult.Healthy("The training at start is done")
            : HealthCheckResult.Unhealthy("Training the bots that changed while no trainer ran"));
}
