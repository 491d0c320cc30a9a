using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// Ready when NLU can serve: it has read the model store once (so any bot's model loads on its first message). Reports
/// counts — models loaded, their weight against the budget — never a list of bots, which grows with the deployment.
/// </summary>
public sealed class ModelLoadedHealthCheck(ModelRegistry models, ModelStoreReach reach) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var usage = models.Usage;
        var data = new Dictionary<string, object>
        {
            ["models"] = usage.Models,
            ["megabytes"] = Math.Round(usage.Bytes / 1048576.0, 1),
            ["budgetMegabytes"] = usage.BudgetBytes / 1048576,
        };
        if (reach.LastReached is { } at)
            data["storeReadAt"] = at;
        return Task.FromResult(reach.LastReached is null
            ? HealthCheckResult.Unhealthy("The model store has not been read yet", data: data)
            : HealthCheckResult.Healthy($"{usage.Models} model(s) loaded, {usage.Bytes / 1048576.0:0.#} of {usage.BudgetBytes / 1048576} MiB", data));
    }
}
