using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Backends.Objects;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Nlu;
using ChatbotPipeline.Nlu.Intents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatbotPipeline.Consumers.Tests.Nlu;

/// <summary>The model cache: loaded on use, within its budget, one load per bot at a time, and told of changes by the journal.</summary>
public sealed class ModelRegistryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-registry-").FullName;
    private readonly CountingObjectStore _objects;
    private readonly ModelRepository _repository;
    private readonly FakeTimeProvider _time = new(Now);
    private static readonly SerializedModel Model = Train();

    public ModelRegistryTests()
    {
        _objects = new CountingObjectStore(new FileSystemObjectStore(Options.Create(new ObjectsOptions { FileSystem = new FileSystemObjectsOptions { Path = _folder } })));
        _repository = new ModelRepository(_objects);
    }

    private ModelRegistry Registry(int megabytes = 1024, int loadConcurrency = 4) =>
        new(_repository, _time, Options.Create(new NluOptions { ModelCacheMegabytes = megabytes, ModelLoadConcurrency = loadConcurrency }), NullLogger<ModelRegistry>.Instance);

    private static SerializedModel Train()
    {
        var trainer = new IntentModelTrainer(IntentTrainingSettings.Default with { Encoder = "none" });
        var trained = trainer.Train([new("hi", "greet"), new("hello", "greet"), new("bye", "goodbye"), new("see you", "goodbye")]);
        return ModelRepository.Serialize(new TrainedNluModel(new NluModel(trained.Model, null), trained.Metrics, trainer.Settings));
    }

    /// <summary>Publishes a version; <paramref name="storedKilobytes"/> sets the size its manifest says it takes.</summary>
    private async Task PublishAsync(string botId, string version, int? storedKilobytes = null)
    {
        var manifest = await _repository.PublishAsync(botId, version, Now, $"hash-{version}", Model, CancellationToken.None);
        if (storedKilobytes is { } kilobytes)
        {
            var heavier = manifest with { ModelBytes = kilobytes * 1024L };
            await _objects.PutJsonAsync($"models/{botId}/{version}/manifest.json", heavier, CancellationToken.None);
            await _objects.PutJsonAsync($"models/{botId}/current.json", heavier, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_model_is_loaded_on_first_use_once_however_many_messages_ask_at_once()
    {
        await PublishAsync("shop", "20261206T090000000Z-a");
        var registry = Registry();

        var served = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => registry.GetAsync("shop", CancellationToken.None)));

        Assert.All(served, model => Assert.Equal("20261206T090000000Z-a", model!.Version));
        Assert.Equal(1, _objects.Reads("models/shop/20261206T090000000Z-a/model.bin"));
        Assert.Equal(1, registry.Usage.Loads);
        Assert.True(registry.Usage.Bytes > 0);
    }

    [Fact]
    public async Task Beyond_the_budget_the_least_recently_used_model_is_unloaded_and_comes_back_on_use()
    {
        foreach (var bot in new[] { "a", "b", "c" })
            await PublishAsync(bot, "20261206T090000000Z-a", storedKilobytes: 400);
        var registry = Registry(megabytes: 1);

        await registry.GetAsync("a", CancellationToken.None);
        await registry.GetAsync("b", CancellationToken.None);
        await registry.GetAsync("a", CancellationToken.None); // b is now the least recently used
        await registry.GetAsync("c", CancellationToken.None);

        Assert.Equal(["c", "a"], registry.Loaded.Select(m => m.Manifest.BotId));
        Assert.InRange(registry.Usage.Bytes, 1, 1024 * 1024);
        Assert.Equal(1, registry.Usage.Evictions);

        Assert.NotNull(await registry.GetAsync("b", CancellationToken.None));
        Assert.Equal(2, _objects.Reads("models/b/20261206T090000000Z-a/model.bin"));
        Assert.Equal(["b", "c"], registry.Loaded.Select(m => m.Manifest.BotId));
    }

    [Fact]
    public async Task A_model_larger_than_the_whole_budget_is_still_served_alone()
    {
        await PublishAsync("small", "20261206T090000000Z-a");
        await PublishAsync("huge", "20261206T090000000Z-a", storedKilobytes: 4096);
        var registry = Registry(megabytes: 1);

        await registry.GetAsync("small", CancellationToken.None);

        Assert.NotNull(await registry.GetAsync("huge", CancellationToken.None));
        Assert.Equal(["huge"], registry.Loaded.Select(m => m.Manifest.BotId));
    }

    [Fact]
    public async Task A_published_version_replaces_a_model_in_use_but_does_not_load_an_idle_bot()
    {
        await PublishAsync("used", "20261206T090000000Z-a");
        await PublishAsync("idle", "20261206T090000000Z-a");
        var registry = Registry();
        await registry.GetAsync("used", CancellationToken.None);
        await PublishAsync("used", "20261206T093000000Z-b");
        await PublishAsync("idle", "20261206T093000000Z-b");

        await registry.ActivateAsync("used", "20261206T093000000Z-b", CancellationToken.None);
        await registry.ActivateAsync("idle", "20261206T093000000Z-b", CancellationToken.None);

        Assert.Equal(["used"], registry.Loaded.Select(m => m.Manifest.BotId));
        Assert.Equal("20261206T093000000Z-b", registry.Loaded.Single().Version);
        Assert.Equal(0, _objects.Reads("models/idle/20261206T093000000Z-b/model.bin"));
    }

    [Fact]
    public async Task A_bot_first_trained_after_it_was_asked_for_is_found_once_its_model_is_announced()
    {
        var registry = Registry();
        Assert.Null(await registry.GetAsync("late", CancellationToken.None));
        await PublishAsync("late", "20261206T090000000Z-a");

        Assert.Null(await registry.GetAsync("late", CancellationToken.None)); // remembered as model-less for a while
        await registry.ActivateAsync("late", "20261206T090000000Z-a", CancellationToken.None);

        Assert.NotNull(await registry.GetAsync("late", CancellationToken.None));
    }

    [Fact]
    public async Task The_journal_sweep_switches_models_in_use_unloads_deleted_bots_and_reads_no_idle_bot()
    {
        foreach (var bot in new[] { "kept", "deleted" }.Concat(Enumerable.Range(0, 50).Select(i => $"idle{i}")))
            await PublishAsync(bot, "20261206T090000000Z-a");
        var registry = Registry();
        await registry.GetAsync("kept", CancellationToken.None);
        await registry.GetAsync("deleted", CancellationToken.None);
        var reach = new ModelStoreReach();
        using var sweep = new ModelRefreshService(_repository, registry, reach, _time, Options.Create(new NluOptions { ModelRefreshSeconds = 30 }),
            NullLogger<ModelRefreshService>.Instance);
        await sweep.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => reach.LastReached is not null);
        var requestsBefore = _objects.Requests;

        // Nobody announces these: only the journal tells.
        await PublishAsync("kept", "20261206T100100000Z-b");
        await _repository.WithdrawAsync("deleted", _time.GetUtcNow(), CancellationToken.None);
        await PublishAsync("idle3", "20261206T100100000Z-b");
        var writes = _objects.Requests - requestsBefore;
        _time.Advance(TimeSpan.FromSeconds(30));

        await WaitUntilAsync(() => registry.Loaded.Count == 1 && registry.Loaded.Single().Version == "20261206T100100000Z-b");
        await sweep.StopAsync(CancellationToken.None);
        Assert.Equal("kept", registry.Loaded.Single().Manifest.BotId);
        // The sweep: one listing (this hour's changes), then the new version of the one model in use — never a bot's current.json.
        Assert.Equal(0, _objects.Reads("models/idle3/current.json") + _objects.Reads("models/idle7/current.json"));
        Assert.InRange(_objects.Requests - requestsBefore - writes, 2, 6);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(10);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Counts requests to the store, as an object store's bill would.</summary>
    private sealed class CountingObjectStore(IObjectStore inner) : IObjectStore
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _reads = new();
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public int Reads(string key) => _reads.GetValueOrDefault(key);

        public Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _requests);
            return inner.PutAsync(key, content, cancellationToken);
        }

        public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _requests);
            _reads.AddOrUpdate(key, 1, (_, n) => n + 1);
            return inner.OpenReadAsync(key, cancellationToken);
        }

        public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _requests);
            return inner.ListAsync(prefix, cancellationToken);
        }

        public Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan validFor, CancellationToken cancellationToken = default) =>
            inner.GetDownloadUrlAsync(key, validFor, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _requests);
            return inner.DeleteAsync(key, cancellationToken);
        }
    }
}
