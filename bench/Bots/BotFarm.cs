using ChatbotPipeline.Backends;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Nlu;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Bench.Bots;

/// <summary>
/// N bots written straight into the pipeline's stores, each with a published model, as a deployment that has been
/// running a while has them. Bots come in <see cref="Kinds"/> kinds (same intents, same model bytes): training ten
/// thousand models would measure the trainer, not serving.
/// </summary>
internal sealed class BotFarm
{
    public const int Kinds = 16;

    private BotFarm(int count, IReadOnlyDictionary<string, string> settings)
    {
        Count = count;
        Settings = settings;
    }

    public int Count { get; }

    /// <summary>The configuration (environment-variable form) the pipeline process reads these bots with.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public static string BotId(int index) => $"bot{index:D5}";

    public static IReadOnlyList<Intent> IntentsOf(int index) => SyntheticBots.Intents(index % Kinds);

    public static async Task<BotFarm> CreateAsync(int count, string folder, string? s3Url, string encoder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Documents__Sqlite__Path"] = Path.Combine(folder, "chatbot.db"),
            ["Objects__FileSystem__Path"] = Path.Combine(folder, "objects"),
        };
        if (s3Url is not null)
        {
            settings["Objects__Provider"] = "S3";
            settings["Objects__S3__ServiceUrl"] = s3Url;
            settings["Objects__S3__Bucket"] = $"bench-{Guid.NewGuid():N}"[..20];
            settings["Objects__S3__ForcePathStyle"] = "true";
            settings["Objects__S3__CreateBucket"] = "true";
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(p => p.Key.Replace("__", ":"), p => (string?)p.Value));
        builder.AddBackends();
        using var host = builder.Build();
        var bots = host.Services.GetRequiredService<IBotStore>();
        var models = host.Services.GetRequiredService<ModelRepository>();

        var trainer = new IntentModelTrainer(IntentTrainingSettings.Default with { Encoder = encoder });
        var kinds = Enumerable.Range(0, Kinds).Select(kind =>
        {
            var trained = trainer.Train(IntentsOf(kind).SelectMany(i => i.TrainingData.Select(p => new IntentExample(p.Text, i.IntentId))).ToList());
            return ModelRepository.Serialize(new TrainedNluModel(new NluModel(trained.Model, null), trained.Metrics, trainer.Settings));
        }).ToList();
        var createdAt = DateTimeOffset.UtcNow;
        var version = ModelVersions.Of(createdAt, "bench000");
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, cancellationToken) =>
        {
            var id = BotId(index);
            await bots.CreateBotAsync(new Bot(id, id, Encoder: encoder), cancellationToken);
            await bots.ReplaceContentsAsync(id, IntentsOf(index), [], cancellationToken);
            await models.PublishAsync(id, version, createdAt, "bench", kinds[index % Kinds], cancellationToken);
        });
        return new BotFarm(count, settings);
    }
}
