using System.Numerics.Tensors;
using ChatbotPipeline.Nlu.Intents.Encoders;

namespace ChatbotPipeline.Nlu.Tests.Intents;

/// <summary>
/// The int8 MiniLM: the package's graph quantized in process, BERT's tokenizer, one sentence per run — vectors that
/// stay those of the float model, whatever the batch they are computed in.
/// </summary>
public sealed class Int8EncoderTests
{
    private static readonly string[] Sentences =
    [
        "where is my parcel?", "track my package", "good morning", "I'd like to book a table for two at 8pm",
        "cancel my subscription", "what's the weather like in Berlin tomorrow", "thanks a lot", "ORD12345",
    ];

    private static readonly Lazy<TransformerSession> Float = new(() =>
    {
        using var vocabulary = MiniLmFiles.Vocabulary();
        return new TransformerSession(MiniLmFiles.Model(), vocabulary, 384);
    });

    private static MiniLmInt8Encoder Int8 => (MiniLmInt8Encoder)SentenceEncoders.Get(MiniLmInt8Encoder.EncoderName)!;

    [Fact]
    public void Every_weight_matrix_of_the_six_layers_is_quantized_and_the_same_graph_gives_the_same_bytes()
    {
        var model = MiniLmFiles.Model();

        var (first, quantized) = Int8Quantizer.Quantize(new MemoryStream(model));
        var (second, _) = Int8Quantizer.Quantize(new MemoryStream(model));

        Assert.Equal(6 * 6, quantized); // query, key, value, attention output, and the two feed-forward matrices
        Assert.True(first.Length < model.Length / 1.5, $"{first.Length:N0} bytes against {model.Length:N0}");
        Assert.Equal(MiniLmFiles.Hash(first), MiniLmFiles.Hash(second));
        Assert.StartsWith($"int8-{MiniLmFiles.Hash(first)}-", Int8.WeightsHash);
    }

    [Fact]
    public void Its_vectors_stay_within_a_small_angle_of_the_float_models()
    {
        var exact = Float.Value.Encode(Sentences);
        var int8 = Int8.EncodeUncached(Sentences);

        for (var i = 0; i < Sentences.Length; i++)
            Assert.True(TensorPrimitives.CosineSimilarity(exact[i], int8[i]) > 0.95f, $"'{Sentences[i]}': {TensorPrimitives.CosineSimilarity(exact[i], int8[i]):F4}");
    }

    [Fact]
    public void A_sentence_gets_the_same_vector_alone_and_among_others_as_training_encodes()
    {
        var batch = Int8.EncodeUncached(Sentences);

        for (var i = 0; i < Sentences.Length; i++)
        {
            var alone = Int8.EncodeUncached([Sentences[i]])[0];
            Assert.Equal(alone, batch[i]);
            Assert.Equal(1.0, TensorPrimitives.Norm(alone), 3);
        }
    }

    [Fact]
    public void Meaning_decides_closeness()
    {
        var v = Int8.Encode(["where is my parcel?", "track my package", "good morning"]);

        Assert.True(TensorPrimitives.CosineSimilarity(v[0], v[1]) > TensorPrimitives.CosineSimilarity(v[0], v[2]) + 0.2f);
    }

    [Fact]
    public void Text_is_tokenized_as_bert_uncased_does_and_cut_at_the_models_length()
    {
        var session = Float.Value;

        Assert.Equal(session.Tokenize("Café"), session.Tokenize("cafe"));
        Assert.Equal(session.Tokenize("naïve résumé"), session.Tokenize("NAIVE RESUME"));
        var longest = session.Tokenize(string.Join(' ', Enumerable.Repeat("order", 10_000)));
        Assert.Equal(TransformerSession.MaxTokens, longest.Length);
        Assert.Equal(session.Tokenize("order")[^1], longest[^1]); // [SEP] kept
    }
}
