using System.Numerics.Tensors;
using ChatbotPipeline.Nlu.Intents;
using ChatbotPipeline.Nlu.Intents.Encoders;

namespace ChatbotPipeline.Nlu.Tests.Intents;

/// <summary>The fast path: sentence vectors averaged from word vectors the transformer distils once per word.</summary>
public sealed class StaticWordEncoderTests
{
    private static readonly ISentenceEncoder Encoder = SentenceEncoders.Get(StaticWordEncoder.EncoderName)!;

    [Fact]
    public void The_same_text_gets_the_same_unit_vector_every_time_and_from_a_fresh_encoder()
    {
        var first = Encoder.Encode(["Where is my parcel?"])[0];
        var fresh = new StaticWordEncoder(new MiniLmEncoder(threads: 1)).Encode(["where is my parcel"])[0];

        Assert.Equal(384, first.Length);
        Assert.Equal(1.0, TensorPrimitives.Norm(first), 4);
        Assert.All(first.Zip(fresh), pair => Assert.Equal(pair.First, pair.Second, 1e-5f));
    }

    [Fact]
    public void Sentences_about_the_same_thing_are_closer_than_sentences_about_different_things()
    {
        var vectors = Encoder.Encode(["where is my parcel", "track my package delivery", "what a lovely sunny day"]);

        Assert.True(TensorPrimitives.Dot(vectors[0], vectors[1]) > TensorPrimitives.Dot(vectors[0], vectors[2]) + 0.1f);
    }

    [Fact]
    public void Every_number_is_one_word_so_order_numbers_neither_change_the_meaning_nor_cost_a_transformer_call()
    {
        var vectors = Encoder.Encode(["status of order 4711", "status of order 99"]);

        Assert.All(vectors[0].Zip(vectors[1]), pair => Assert.Equal(pair.First, pair.Second, 1e-6f));
    }

    [Fact]
    public void Text_without_words_is_the_zero_vector_not_a_division_by_zero()
    {
        var vector = Encoder.Encode(["?!"])[0];

        Assert.All(vector, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void A_model_is_bound_to_the_static_encoder_it_was_trained_with()
    {
        var examples = new IntentExample[]
        {
            new("where is my order", "order"), new("track my package", "order"), new("has my order shipped", "order"),
            new("bye", "goodbye"), new("see you later", "goodbye"), new("talk to you later", "goodbye"),
        };
        var trained = new IntentModelTrainer(IntentTrainingSettings.Default with { Encoder = StaticWordEncoder.EncoderName }).Train(examples);
        using var saved = new MemoryStream();
        trained.Model.Save(saved);

        saved.Position = 0;
        var loaded = IntentModel.Load(saved);
        saved.Position = 0;
        var refusal = Assert.Throws<InvalidDataException>(() => IntentModel.Load(saved, allowedEncoders: [MiniLmEncoder.EncoderName]));

        Assert.Equal(StaticWordEncoder.EncoderName, loaded.Encoder!.Name);
        Assert.StartsWith("static1-", trained.Metrics.EncoderWeightsHash);
        Assert.Equal("order", loaded.Predict("parcel delivery tracking").Top.Intent);
        Assert.Contains($"'{StaticWordEncoder.EncoderName}' encoder", refusal.Message);
    }
}
