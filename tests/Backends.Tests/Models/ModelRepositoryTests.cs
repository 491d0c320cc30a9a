using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Backends.Objects;
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

    private static TrainedIntentModel Train() => new IntentModelTrainer().Train(
        [new("hi", "greet"), new("hello", "greet"), new("bye", "goodbye"), new("see you", "goodbye")]);

    [Fact]
    public async Task Published_model_becomes_current_with_its_manifest_beside_it()
    {
        var manifest = await _repository.PublishAsync("demo", "v1", Created, "hash1", Train(), CancellationToken.None);

        Assert.Equal(manifest, await _repository.GetCurrentAsync("demo", CancellationToken.None));
        Assert.Equal(manifest, await _repository.GetAsync("demo", "v1", CancellationToken.None));
        Assert.True(manifest.ModelBytes > 0);
        Assert.Equal(["models/demo/current.json", "models/demo/v1/manifest.json", "models/demo/v1/model.bin"], await _objects.ListAsync("models/"));
    }

    [Fact]
    public async Task A_loaded_model_predicts_like_the_trained_one()
    {
        var trained = Train();
        await _repository.PublishAsync("demo", "v1", Created, "hash1", trained, CancellationToken.None);

        var loaded = await _repository.LoadAsync("demo", "v1", CancellationToken.None);

        Assert.Equal(trained.Model.Predict("hello there").Ranking, loaded.Predict("hello there").Ranking);
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

    public void Dispose() => _folder.Dispose();
}
