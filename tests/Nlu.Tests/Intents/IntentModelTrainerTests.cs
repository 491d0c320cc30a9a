using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Nlu.Tests.Intents;

public sealed class IntentModelTrainerTests
{
    private static readonly IntentExample[] Examples =
    [
        new("hi", "greet"), new("hello there", "greet"), new("good morning", "greet"), new("hey", "greet"),
        new("where is my order", "order"), new("track my package", "order"), new("order status please", "order"), new("has my order shipped", "order"),
        new("bye", "goodbye"), new("see you later", "goodbye"), new("goodbye now", "goodbye"), new("talk to you later", "goodbye"),
    ];

    [Fact]
    public void Trained_model_ranks_the_intents_with_probabilities_that_sum_to_one()
    {
        var trained = new IntentModelTrainer().Train(Examples);

        var prediction = trained.Model.Predict("where is my order now");

        Assert.Equal("order", prediction.Top.Intent);
        Assert.Equal(["goodbye", "greet", "order"], prediction.Ranking.Select(r => r.Intent).Order());
        Assert.Equal(1.0, prediction.Ranking.Sum(r => r.Probability), 3);
        Assert.True(prediction.Ranking.Zip(prediction.Ranking.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
    }

    [Fact]
    public void Metrics_describe_the_training_run()
    {
        var metrics = new IntentModelTrainer().Train(Examples).Metrics;

        Assert.Equal(12, metrics.Examples);
        Assert.Equal(3, metrics.Intents);
        Assert.Equal(3, metrics.HoldoutExamples);
        Assert.NotNull(metrics.HoldoutAccuracy);
        Assert.Equal(1f, metrics.Temperature); // three held-out phrases are too few to fit a temperature on
        Assert.True(metrics.Features > 0);
        Assert.True(metrics.TrainingSeconds > 0);
    }

    [Fact]
    public void Intents_with_too_few_phrases_train_without_a_holdout()
    {
        var metrics = new IntentModelTrainer().Train([new("hi", "greet"), new("hello", "greet"), new("bye", "goodbye")]).Metrics;

        Assert.Equal(0, metrics.HoldoutExamples);
        Assert.Null(metrics.HoldoutAccuracy);
        Assert.Equal(1f, metrics.Temperature);
    }

    [Theory]
    [InlineData(IntentClassifierAlgorithm.LinearSvm)]
    [InlineData(IntentClassifierAlgorithm.MaximumEntropySdca)]
    [InlineData(IntentClassifierAlgorithm.MaximumEntropyLbfgs)]
    [InlineData(IntentClassifierAlgorithm.SupportVectorSdca)]
    public void Every_algorithm_learns_the_examples(IntentClassifierAlgorithm algorithm)
    {
        var model = new IntentModelTrainer(IntentTrainingSettings.Default with { Algorithm = algorithm }).Train(Examples).Model;

        foreach (var example in Examples)
            Assert.Equal(example.Intent, model.Predict(example.Text).Top.Intent);
    }

    [Fact]
    public void Prediction_ranks_at_most_the_ten_most_probable_intents()
    {
        string[] topics = ["apple", "boat", "cloud", "drum", "eagle", "forest", "guitar", "harbor", "island", "jungle", "kettle", "lemon", "mountain", "needle", "ocean"];
        var many = topics.SelectMany(t => new IntentExample[] { new($"{t} alpha", t), new($"{t} beta", t) }).ToList();
        var model = new IntentModelTrainer().Train(many).Model;

        var prediction = model.Predict("harbor gamma");

        Assert.Equal(IntentModel.RankedIntents, prediction.Ranking.Count);
        Assert.Equal("harbor", prediction.Top.Intent);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => IntentModel.Load(new MemoryStream("PK\u0003\u0004 an old zip"u8.ToArray())));
        using var truncated = new MemoryStream();
        new IntentModelTrainer().Train(Examples).Model.Save(truncated);
        Assert.Throws<InvalidDataException>(() => IntentModel.Load(new MemoryStream(truncated.ToArray()[..100])));
    }

    [Fact]
    public void Saved_model_loads_with_the_same_predictions()
    {
        var model = new IntentModelTrainer().Train(Examples).Model;
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;

        var loaded = IntentModel.Load(buffer);

        foreach (var text in new[] { "hello", "where is my parcel", "see you" })
            Assert.Equal(model.Predict(text).Ranking, loaded.Predict(text).Ranking);
    }

    [Fact]
    public void Model_serves_concurrent_callers()
    {
        var model = new IntentModelTrainer().Train(Examples).Model;

        var intents = Enumerable.Range(0, 200).AsParallel().Select(i => model.Predict(i % 2 == 0 ? "hello" : "track my order").Top.Intent).ToList();

        Assert.Equal(100, intents.Count(i => i == "greet"));
        Assert.Equal(100, intents.Count(i => i == "order"));
    }

    [Fact]
    public void One_intent_is_not_enough_to_train()
    {
        var exception = Assert.Throws<InvalidTrainingDataException>(() => new IntentModelTrainer().Train([new("hi", "greet"), new("hello", "greet")]));
        Assert.Contains("at least two intents", exception.Message);
    }

    [Fact]
    public void A_small_bot_is_calibrated_on_folds_over_all_its_phrases()
    {
        // 8 intents × 5 phrases: the 10 % holdout is 8 phrases, too few to fit a temperature on; the folds see all 40.
        string[] topics = ["order", "refund", "weather", "music", "alarm", "joke", "balance", "recipe"];
        var examples = topics.SelectMany(topic => new[] { $"{topic}", $"my {topic} please", $"about the {topic}", $"{topic} now", $"tell me {topic} things" }
            .Select(text => new IntentExample(text, topic))).ToList();

        var trained = new IntentModelTrainer().Train(examples);

        Assert.Equal(8, trained.Metrics.HoldoutExamples);
        Assert.True(trained.Metrics.Temperature < 1f, $"temperature {trained.Metrics.Temperature}");
        Assert.True(trained.Model.Predict("the weather please").Top.Probability > 0.5);
    }
}
