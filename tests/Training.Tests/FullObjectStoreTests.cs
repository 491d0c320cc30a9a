using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Backends.Objects;
using ChatbotPipeline.Contracts;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Training.Tests;

/// <summary>A training run whose object store refuses writes (a full disk): it fails visibly, and the operator hears of it.</summary>
public sealed class FullObjectStoreTests : IAsyncLifetime
{
    private readonly FillableStore _store = new();
    private readonly TrainingTestHost _host;

    public FullObjectStoreTests() =>
        _host = new TrainingTestHost(services: services => services.AddSingleton<IObjectStore>(provider =>
            _store.Over(ActivatorUtilities.CreateInstance<FileSystemObjectStore>(provider))));

    public async ValueTask InitializeAsync()
    {
        await Some.SeedBotAsync(_host.Get<IBotStore>());
        await _host.Harness.Start();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_run_that_cannot_store_its_model_shows_as_failed_with_the_reason_and_raises_an_alert()
    {
        var trainer = _host.Get<BotModelTrainer>();
        Assert.Equal(TrainingStatus.Published, (await trainer.TrainAsync(new TrainingRequest(Some.BotId, Force: true), _host.Harness.Bus, CancellationToken.None)).Status);
        _store.Full = true;

        await Assert.ThrowsAsync<IOException>(() => trainer.TrainAsync(new TrainingRequest(Some.BotId, Force: true), _host.Harness.Bus, CancellationToken.None));

        var history = await _host.Get<TrainingHistory>().ListAsync(Some.BotId, 20, CancellationToken.None);
        Assert.Equal(TrainingStatus.Published, history[0].Status); // the history could not be written either…
        var shown = await _host.Get<TrainingFailures>().OverlayAsync(Some.BotId, history, CancellationToken.None);
        Assert.Equal(TrainingStatus.Failed, shown[0].Status); // …the training view still shows the failure
        Assert.Contains("No space left", shown[0].Reason);
        Assert.True(await _host.Harness.Published.Any<OperatorAlert>(a => a.Context.Message.Kind == AlertKinds.TrainingFailed && a.Context.Message.Text.Contains("No space left")));
    }

    /// <summary>An object store that starts refusing every write, as a full disk does.</summary>
    private sealed class FillableStore
    {
        public bool Full { get; set; }

        public IObjectStore Over(IObjectStore inner) => new Store(this, inner);

        private sealed class Store(FillableStore owner, IObjectStore inner) : IObjectStore
        {
            public Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
                owner.Full ? throw new IOException("No space left on device") : inner.PutAsync(key, content, cancellationToken);

            public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

            public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

            public Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan validFor, CancellationToken cancellationToken = default) =>
                inner.GetDownloadUrlAsync(key, validFor, cancellationToken);

            public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);
        }
    }
}
