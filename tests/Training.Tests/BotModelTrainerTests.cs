using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Contracts;
using MassTransit;
using MassTransit.Testing;

namespace ChatbotPipeline.Training.Tests;

public sealed class BotModelTrainerTests : IAsyncLifetime
{
    private readonly TrainingTestHost _host = new();

    public async ValueTask InitializeAsync()
    {
        await Some.SeedBotAsync(_host.Get<IBotStore>());
        await _host.Harness.Start();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<TrainingOutcome> TrainAsync(bool force, string botId = Some.BotId) =>
        _host.Get<BotModelTrainer>().TrainAsync(new TrainingRequest(botId, force), _host.Harness.Bus, CancellationToken.None);

    [Fact]
    public async Task Training_stores_the_model_as_current_and_announces_it()
    {
        var outcome = await TrainAsync(force: false);

        Assert.Equal(TrainingStatus.Published, outcome.Status);
        var manifest = outcome.Manifest!;
        Assert.Equal(manifest, await _host.Get<ModelRepository>().GetCurrentAsync(Some.BotId, CancellationToken.None));
        Assert.Equal((6, 2), (manifest.Metrics.Examples, manifest.Metrics.Intents));
        Assert.Matches(@"^\d{8}T\d{9}Z-[0-9a-f]{8}$", manifest.Version);
        var model = await _host.Get<ModelRepository>().LoadAsync(Some.BotId, manifest.Version, CancellationToken.None);
        Assert.Equal("order", model.Intents.Predict("where is my order").Top.Intent);
        Assert.True(await _host.Harness.Published.Any<ModelPublished>(m => m.Context.Message.Version == manifest.Version));
    }

    [Fact]
    public async Task A_bot_another_trainer_holds_is_skipped_until_its_lease_is_released()
    {
        var cache = _host.Get<ChatbotPipeline.Backends.Cache.ICacheStore>();
        var other = await ChatbotPipeline.Backends.Cache.CacheLease.TryAcquireLeaseAsync(cache, $"lease:training:{Some.BotId}", TimeSpan.FromMinutes(5), default);

        var busy = await TrainAsync(force: true);
        await other!.DisposeAsync();
        var after = await TrainAsync(force: true);

        Assert.Equal((TrainingStatus.Skipped, "Another trainer is training this bot now."), (busy.Status, busy.Reason));
        Assert.Equal(TrainingStatus.Published, after.Status);
    }

    [Fact]
    public async Task Unchanged_data_is_not_retrained_unless_forced()
    {
        var first = await TrainAsync(force: false);

        var skipped = await TrainAsync(force: false);
        var forced = await TrainAsync(force: true);

        Assert.Equal(TrainingStatus.Skipped, skipped.Status);
        Assert.Contains(first.Manifest!.Version, skipped.Reason);
        Assert.Equal(TrainingStatus.Published, forced.Status);
        Assert.True(string.CompareOrdinal(forced.Manifest!.Version, first.Manifest.Version) > 0);
    }

    [Fact]
    public async Task Changed_data_is_retrained()
    {
        var first = await TrainAsync(force: false);
        await _host.Get<IBotStore>().SaveIntentAsync(Some.BotId, Some.Intent("goodbye", "bye", "see you"));

        var second = await TrainAsync(force: false);

        Assert.Equal(TrainingStatus.Published, second.Status);
        Assert.NotEqual(first.Manifest!.DataHash, second.Manifest!.DataHash);
        Assert.Equal(3, second.Manifest.Metrics.Intents);
    }

    [Fact]
    public async Task A_bot_that_cannot_be_trained_fails_with_the_reason_and_publishes_nothing()
    {
        await _host.Get<IBotStore>().ReplaceContentsAsync(Some.BotId, [Some.Intent("greet", "hi")], []);

        var outcome = await TrainAsync(force: true);
        var missing = await TrainAsync(force: true, botId: "missing");

        Assert.Equal((TrainingStatus.Failed, TrainingStatus.Failed), (outcome.Status, missing.Status));
        Assert.Contains("at least two intents", outcome.Reason);
        Assert.Contains("does not exist", missing.Reason);
        Assert.Null(await _host.Get<ModelRepository>().GetCurrentAsync(Some.BotId, CancellationToken.None));
        Assert.False(await _host.Harness.Published.Any<ModelPublished>());
    }

    [Fact]
    public async Task A_training_request_on_the_bus_publishes_a_model()
    {
        await _host.Harness.Bus.Publish(new TrainingRequested("r1", Some.BotId, Force: true, DateTimeOffset.UtcNow));

        Assert.True(await _host.Harness.Published.Any<ModelPublished>(m => m.Context.Message.BotId == Some.BotId));
        Assert.False(await _host.Harness.Published.Any<Fault<TrainingRequested>>());
    }

    [Fact]
    public void The_training_queue_has_its_documented_name() =>
        Assert.Equal(QueueNames.Training, KebabCaseEndpointNameFormatter.Instance.Consumer<TrainingConsumer>());
}
