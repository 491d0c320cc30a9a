using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>Ready once NLU has a model to serve; reports the loaded version of each bot.</summary>
public sealed class ModelLoadedHealthCheck(ModelRegistry models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loaded = models.Loaded;
        var data = loaded.ToDictionary(m => m.Manifest.BotId, m => (object)m.Version);
        return Task.FromResult(loaded.Count > 0
            ? HealthCheckResult.Healthy($"{loaded.Count} model(s) loaded", data)
            : HealthCheckResult.Unhealthy("No NLU model is loaded yet", data: data));
    }
}
