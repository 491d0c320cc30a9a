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
    public void Trained_model_ranks_every_intent_with_probabilities_that_sum_to_one()
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
        Assert.Equal(1.0, metrics.TrainingAccuracy);
        Assert.True(metrics.TrainingSeconds > 0);
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
}
