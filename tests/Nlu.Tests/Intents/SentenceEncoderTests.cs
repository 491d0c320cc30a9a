using ChatbotPipeline.Nlu.Intents;
using ChatbotPipeline.Nlu.Intents.Encoders;

namespace ChatbotPipeline.Nlu.Tests.Intents;

/// <summary>The MiniLM encoders from the NuGet package's graph (no download), and intent models that read their vectors.</summary>
public sealed class SentenceEncoderTests
{
    private static readonly IntentExample[] Examples =
    [
        new("hi", "greet"), new("hello there", "greet"), new("good morning", "greet"), new("hey", "greet"),
        new("where is my order", "order"), new("track my package", "order"), new("order status please", "order"), new("has my order shipped", "order"),
        new("bye", "goodbye"), new("see you later", "goodbye"), new("goodbye now", "goodbye"), new("talk to you later", "goodbye"),
    ];

    private static IntentModelTrainer Trainer(string encoder) => new(IntentTrainingSettings.Default with { Encoder = encoder });

    [Fact]
    public void The_same_text_gets_the_same_unit_vector_every_time()
    {
        var encoder = SentenceEncoders.Get(MiniLmEncoder.EncoderName)!;

        var first = encoder.Encode(["where is my parcel?", "hello"]);
        var again = new MiniLmEncoder(threads: 1).Encode(["where is my parcel?"]);

        Assert.Equal(384, first[0].Length);
        Assert.Equal(1.0, Math.Sqrt(first[0].Sum(x => x * (double)x)), 4);
        Assert.All(first[0].Zip(again[0]), pair => Assert.Equal(pair.First, pair.Second, 1e-5f));
        Assert.Matches("^[0-9a-f]{16}$", encoder.WeightsHash);
    }

    [Theory]
    [InlineData(MiniLmEncoder.EncoderName)]
    [InlineData(MiniLmInt8Encoder.EncoderName)]
    public void A_model_with_the_encoder_knows_words_it_never_saw_in_training(string encoder)
    {
        var trained = Trainer(encoder).Train(Examples);

        // None of these words is in the training phrases; the n-grams alone cannot relate them.
        Assert.Equal("order", trained.Model.Predict("parcel delivery tracking").Top.Intent);
        Assert.Equal("goodbye", trained.Model.Predict("farewell").Top.Intent);
        Assert.NotNull(trained.Metrics.EncoderWeightsHash);
    }

    [Theory]
    [InlineData(MiniLmEncoder.EncoderName)]
    [InlineData(MiniLmInt8Encoder.EncoderName)]
    public void A_saved_model_loads_with_its_encoder_and_predicts_the_same(string encoder)
    {
        var trained = Trainer(encoder).Train(Examples);
        using var saved = new MemoryStream();
        trained.Model.Save(saved);
        saved.Position = 0;

        var loaded = IntentModel.Load(saved);

        Assert.Equal(encoder, loaded.Encoder!.Name);
        Assert.Equal(trained.Model.Predict("where is my parcel").Ranking, loaded.Predict("where is my parcel").Ranking);
    }

    [Fact]
    public void A_replica_that_does_not_serve_the_models_encoder_refuses_it_saying_why()
    {
        using var saved = new MemoryStream();
        Trainer(SentenceEncoders.Default).Train(Examples).Model.Save(saved);
        saved.Position = 0;

        var refusal = Assert.Throws<InvalidDataException>(() => IntentModel.Load(saved, allowedEncoders: [SentenceEncoders.None]));

        Assert.Contains($"'{SentenceEncoders.Default}' encoder", refusal.Message);
    }

    [Fact]
    public void A_model_without_an_encoder_trains_loads_and_answers_anywhere()
    {
        using var saved = new MemoryStream();
        var trained = Trainer(SentenceEncoders.None).Train(Examples);
        trained.Model.Save(saved);
        saved.Position = 0;

        var loaded = IntentModel.Load(saved, allowedEncoders: [SentenceEncoders.None]);

        Assert.Null(loaded.Encoder);
        Assert.Null(trained.Metrics.EncoderWeightsHash);
        Assert.Equal("order", loaded.Predict("where is my order").Top.Intent);
    }
}
