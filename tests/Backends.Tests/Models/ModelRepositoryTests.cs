using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Backends.Objects;
using ChatbotPipeline.Nlu;
using ChatbotPipeline.Nlu.Entities.Learned;
using ChatbotPipeline.Nlu.Intents;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends.Tests.Models;

public sealed class ModelRepositoryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FileSystemObjectStore _objects;
    private readonly ModelRepository _repository;
    private static readonly DateTimeOffset Created = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public ModelRepositoryTests()
    {
        _objects = new FileSystemObjectStore(Options.Create(new ObjectsOptions { FileSystem = new FileSystemObjectsOptions { Path = _folder.Path } }));
        _repository = new ModelRepository(_objects);
    }

    private static SerializedModel Train(bool withTagger = false)
    {
        var trainer = new IntentModelTrainer();
        var intents = trainer.Train([new("hi", "greet"), new("hello", "greet"), new("bye", "goodbye"), new("see you", "goodbye")]);
        var tagger = withTagger
            ? new EntityTaggerTrainer().Train([new AnnotatedSentence("fly to paris", [new EntitySpan("city", 7, 12)]), new AnnotatedSentence("fly to rome", [new EntitySpan("city", 7, 11)])])
            : null;
        return ModelRepository.Serialize(new TrainedNluModel(new NluModel(intents.Model, tagger), intents.Metrics, trainer.Settings));
    }

    [Fact]
    public async Task Published_model_becomes_current_with_its_manifest_beside_it()
    {
        var manifest = await _repository.PublishAsync("demo", "v1", Created, "hash1", Train(), CancellationToken.None);

        Assert.Equal(manifest, await _repository.GetCurrentAsync("demo", CancellationToken.None));
        Assert.Equal(manifest, await _repository.GetAsync("demo", "v1", CancellationToken.None));
        Assert.True(manifest.ModelBytes > 0);
        Assert.Equal(IntentTrainingSettings.Default, manifest.Settings);
        Assert.Equal(["models/demo/current.json", "models/demo/v1/manifest.json", "models/demo/v1/model.bin"], await _objects.ListAsync("models/"));
    }

    [Fact]
    public async Task A_model_with_a_tagger_stores_and_loads_both()
    {
        var model = Train(withTagger: true);
        var manifest = await _repository.PublishAsync("demo", "v1", Created, "hash1", model, CancellationToken.None);

        var loaded = await _repository.LoadAsync("demo", "v1", CancellationToken.None);

        Assert.Equal(["city"], manifest.EntityTypes);
        Assert.Equal(model.Bytes, manifest.ModelBytes);
        Assert.Contains("models/demo/v1/entities.bin", await _objects.ListAsync("models/"));
        Assert.Equal("city", Assert.Single(loaded.Entities!.Extract("fly to paris")).Entity);
    }

    [Fact]
    public async Task A_loaded_model_predicts_like_the_trained_one()
    {
        var trained = Train();
        await _repository.PublishAsync("demo", "v1", Created, "hash1", trained, CancellationToken.None);

        var loaded = await _repository.LoadAsync("demo", "v1", CancellationToken.None);

        Assert.Equal(trained.Trained.Model.Intents.Predict("hello there").Ranking, loaded.Intents.Predict("hello there").Ranking);
        Assert.Null(loaded.Entities);
    }

    [Fact]
    public async Task The_latest_publish_is_current_and_older_versions_stay_loadable()
    {
        await _repository.PublishAsync("demo", "v1", Created, "hash1", Train(), CancellationToken.None);
        await _repository.PublishAsync("demo", "v2", Created.AddHours(1), "hash2", Train(), CancellationToken.None);

        Assert.Equal("v2", (await _repository.GetCurrentAsync("demo", CancellationToken.None))!.Version);
        Assert.NotNull(await _repository.LoadAsync("demo", "v1", CancellationToken.None));
    }

    [Fact]
    public async Task A_bot_without_models_has_no_current_version()
    {
        Assert.Null(await _repository.GetCurrentAsync("none", CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _repository.LoadAsync("none", "v1", CancellationToken.None));
    }

    [Fact]
    public async Task A_loaded_model_is_weighed_by_what_it_holds()
    {
        var trained = Train(withTagger: true);
        await _repository.PublishAsync("demo", "v1", Created, "hash1", trained, CancellationToken.None);

        var loaded = await _repository.LoadAsync("demo", "v1", CancellationToken.None);

        // Its arrays are at least as large as its file, and not orders of magnitude more.
        Assert.InRange(loaded.ResidentBytes, trained.Bytes / 2, trained.Bytes * 50);
    }

    [Fact]
    public async Task Pruning_keeps_the_newest_versions_and_the_current_one()
    {
        foreach (var version in new[] { "20261128T100000000Z-a", "20261128T110000000Z-b", "20261128T120000000Z-c", "20261128T130000000Z-d" })
            await _repository.PublishAsync("demo", version, Created, "hash", Train(), CancellationToken.None);
        // A gate kept an older version current: it stays whatever its age.
        var kept = (await _repository.GetAsync("demo", "20261128T100000000Z-a", CancellationToken.None))!;
        await _objects.PutJsonAsync("models/demo/current.json", kept, CancellationToken.None);

        var deleted = await _repository.PruneAsync("demo", keep: 2, CancellationToken.None);

        Assert.Equal(["20261128T110000000Z-b"], deleted);
        var versions = (await _objects.ListAsync("models/demo/")).Select(k => k.Split('/')[2]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["20261128T100000000Z-a", "20261128T120000000Z-c", "20261128T130000000Z-d", "current.json"], versions);
    }

    [Fact]
    public async Task Publications_and_withdrawals_are_listed_by_hour_and_old_hours_are_pruned()
    {
        await _repository.PublishAsync("demo", "20261128T100000000Z-a", Created, "hash", Train(), CancellationToken.None);
        await _repository.PublishAsync("other", "20261128T115900000Z-b", Created.AddMinutes(119), "hash", Train(), CancellationToken.None);
        await _repository.WithdrawAsync("demo", Created.AddHours(3), CancellationToken.None);

        var firstTwoHours = await _repository.Changes.ListAsync(Created.AddMinutes(30), Created.AddMinutes(100), CancellationToken.None);
        var all = await _repository.Changes.ListAsync(Created, Created.AddHours(3), CancellationToken.None);
        var later = await _repository.Changes.ListAsync(Created.AddHours(2), Created.AddHours(4), CancellationToken.None);

        Assert.Equal([new ModelChange("demo", "20261128T100000000Z-a", false), new ModelChange("other", "20261128T115900000Z-b", false)], firstTwoHours);
        Assert.Equal(3, all.Count);
        Assert.Equal([new ModelChange("demo", ModelVersions.Stamp(Created.AddHours(3)), true)], later);
        Assert.Null(await _repository.GetCurrentAsync("demo", CancellationToken.None));
        Assert.Empty(await _objects.ListAsync("models/demo/"));

        await _repository.Changes.PruneAsync(Created.AddHours(2) + ModelChangeJournal.Kept, CancellationToken.None);

        Assert.Equal([new ModelChange("demo", ModelVersions.Stamp(Created.AddHours(3)), true)],
            await _repository.Changes.ListAsync(Created, Created.AddHours(3), CancellationToken.None));
    }

    public void Dispose() => _folder.Dispose();
}
