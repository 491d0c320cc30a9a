using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Nlu.Definitions;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatbotPipeline.Training.Tests;

public sealed class ScheduledTrainingJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 28, 6, 0, 30, TimeSpan.Zero);
    private readonly TrainingTestHost _host = new();

    public async ValueTask InitializeAsync()
    {
        await Some.SeedBotAsync(_host.Get<IBotStore>());
        await _host.Get<IBotStore>().CreateBotAsync(new Bot("empty", "Empty"));
        await _host.Harness.Start();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private ScheduledTrainingJob Job(string defaultCron = "0 0 3 * * ?") =>
        new(_host.Get<IBotStore>(), _host.Get<BotModelTrainer>(), _host.Harness.Bus, _host.Get<StartupTraining>(), Options.Create(new TrainingOptions { Cron = defaultCron }), TimeProvider.System);

    private Task<ModelManifest?> CurrentAsync(string botId = Some.BotId) => _host.Get<ModelRepository>().GetCurrentAsync(botId, CancellationToken.None);

    [Fact]
    public async Task The_start_run_trains_bots_without_a_model_and_skips_unchanged_ones()
    {
        await Job().RunAsync(since: null, Morning, CancellationToken.None);
        var first = await CurrentAsync();
        await Job().RunAsync(since: null, Morning, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(first, await CurrentAsync());
        Assert.Null(await CurrentAsync("empty"));
    }

    [Fact]
    public async Task A_tick_trains_only_the_bots_whose_schedule_fell_due()
    {
        var store = _host.Get<IBotStore>();
        await store.CreateBotAsync(new Bot("hourly", "Hourly", TrainingCron: "0 0 * * * ?"));
        await store.ReplaceContentsAsync("hourly", [Some.Intent("a", "apple pie"), Some.Intent("b", "banana bread")], []);

        // 06:00:00 fell in this minute: the hourly bot is due, the shop bot (default cron, 03:00) is not.
        await Job().RunAsync(Morning.AddMinutes(-1), Morning, CancellationToken.None);

        Assert.NotNull(await CurrentAsync("hourly"));
        Assert.Null(await CurrentAsync());

        await Job(defaultCron: "0 0 6 * * ?").RunAsync(Morning.AddMinutes(-1), Morning, CancellationToken.None);
        Assert.NotNull(await CurrentAsync());
    }

    [Theory]
    [InlineData("0 0 3 * * ?", "2026-11-28T02:59:30Z", "2026-11-28T03:00:30Z", true)]
    [InlineData("0 0 3 * * ?", "2026-11-28T03:00:00Z", "2026-11-28T03:01:00Z", false)]
    [InlineData("0 */15 * * * ?", "2026-11-28T10:14:10Z", "2026-11-28T10:15:10Z", true)]
    [InlineData("not a cron", "2026-11-28T10:14:10Z", "2026-11-28T10:15:10Z", false)]
    public void A_schedule_is_due_when_it_fires_inside_the_window(string cron, string since, string now, bool due) =>
        Assert.Equal(due, TrainingSchedule.IsDue(cron, DateTimeOffset.Parse(since), DateTimeOffset.Parse(now)));

    [Fact]
    public void The_configured_cron_expression_is_valid() =>
        Assert.True(CronExpression.TryParse(new TrainingOptions().Cron, out _));
}
