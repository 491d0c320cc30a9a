using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Nlu.Definitions;
using Quartz;

namespace ChatbotPipeline.Training.Tests;

public sealed class ScheduledTrainingJobTests : IAsyncLifetime
{
    private readonly TrainingTestHost _host = new();

    public async ValueTask InitializeAsync()
    {
        await Some.SeedBotAsync(_host.Get<IBotStore>());
        await _host.Get<IBotStore>().CreateBotAsync(new Bot("empty", "Empty"));
        await _host.Harness.Start();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_job_trains_bots_without_a_model_and_skips_unchanged_ones()
    {
        var job = new ScheduledTrainingJob(_host.Get<IBotStore>(), _host.Get<BotModelTrainer>(), _host.Harness.Bus);
        var models = _host.Get<ModelRepository>();

        await job.Execute(null!, CancellationToken.None);
        var first = await models.GetCurrentAsync(Some.BotId, CancellationToken.None);
        await job.Execute(null!, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(first, await models.GetCurrentAsync(Some.BotId, CancellationToken.None));
        Assert.Null(await models.GetCurrentAsync("empty", CancellationToken.None));
    }

    [Fact]
    public void The_configured_cron_expression_is_valid() =>
        Assert.True(CronExpression.TryParse(new TrainingOptions().Cron, out _));
}
