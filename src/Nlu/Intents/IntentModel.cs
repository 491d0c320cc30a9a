using System.Text;
using ChatbotPipeline.Nlu.Intents.Encoders;
using ChatbotPipeline.Nlu.Intents.Features;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>A trained intent classifier; thread-safe, so one instance serves every consumer thread.</summary>
public sealed class IntentModel
{
    /// <summary>How many intents a prediction ranks: enough for ambiguity checks and suggestions, cheap to build.</summary>
    public const int RankedIntents = 10;

    private static readonly byte[] Magic = "CBPNLU"u8.ToArray();
    private const int FormatVersion = 4;

    private readonly IntentFeaturizer _featurizer;
    private readonly LinearIntentClassifier _classifier;
    private readonly EncoderBlock? _encoder;
    private readonly PhraseVectors? _phrases;

    /// <summary>
    /// Bytes reading this model allocated (its vocabulary, weights and phrase vectors, plus a little parsing garbage):
    /// what it holds in memory, for a model cache to weigh it by; 0 for a model trained in this process.
    /// </summary>
    public long ResidentBytes { get; private init; }

    internal IntentModel(IntentFeaturizer featurizer, LinearIntentClassifier classifier, EncoderBlock? encoder = null, PhraseVectors? phrases = null)
    {
        if (featurizer.Dimension + (encoder?.Encoder.Dimension ?? 0) != classifier.Dimension)
            throw new ArgumentException("The classifier was not trained on this featurizer's vectors.");
        _featurizer = featurizer;
        _classifier = classifier;
        _encoder = encoder;
        _phrases = phrases;
    }

    internal PhraseVectors? Phrases => _phrases;

    /// <summary>The sentence encoder whose vectors the model reads beside the n-grams, or null (n-grams only).</summary>
    public ISentenceEncoder? Encoder => _encoder?.Encoder;

    internal EncoderBlock? EncoderBlock => _encoder;

    /// <summary>The intents this model can tell apart.</summary>
    public IReadOnlyList<string> Intents => _classifier.Labels;

    internal IntentFeaturizer Featurizer => _featurizer;
    internal LinearIntentClassifier Classifier => _classifier;

    /// <summary>Ranks the model's most probable intents for an utterance (at most <see cref="RankedIntents"/>).</summary>
    public IntentPrediction Predict(string text)
    {
        var classes = _classifier.Labels.Length;
        Span<float> scores = classes <= 1024 ? stackalloc float[classes] : new float[classes];
        var encoded = _encoder?.Encoder.Encode([text])[0];
        _classifier.Score(Features(text, encoded), scores);
        _classifier.Probabilities(scores);
        var ranking = Rank(scores);
        var familiarity = encoded is null || _phrases is null ? (double?)null
            : _phrases.Nearest(encoded, Array.IndexOf(_classifier.Labels, ranking[0].Intent));
        return new IntentPrediction(ranking, familiarity);
    }

    /// <summary>What the classifier reads for a text: its n-grams, and the encoder's vector after them.</summary>
    internal SparseVector Features(string text, float[]? encoded = null)
    {
        var ngrams = _featurizer.Featurize(text);
        return _encoder is null ? ngrams : _encoder.Append(ngrams, encoded ?? _encoder.Encoder.Encode([text])[0], _featurizer.Dimension);
    }

    private IntentScore[] Rank(ReadOnlySpan<float> probabilities)
    {
        var size = Math.Min(RankedIntents, probabilities.Length);
        Span<int> top = stackalloc int[size];
        var filled = 0;
        // Insertion into a short sorted list: a partial sort that never touches most of the intents twice.
        for (var c = 0; c < probabilities.Length; c++)
        {
            var p = probabilities[c];
            if (filled == size && p <= probabilities[top[size - 1]])
                continue;
            var at = filled < size ? filled++ : size - 1;
            while (at > 0 && probabilities[top[at - 1]] < p)
            {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = c;
        }
        var ranking = new IntentScore[size];
        for (var i = 0; i < size; i++)
            ranking[i] = new IntentScore(_classifier.Labels[top[i]], probabilities[top[i]]);
        return ranking;
    }

    /// <summary>Writes the model in its own compact binary format (vocabulary, IDF, weights, calibration).</summary>
    public void Save(Stream destination)
    {
        using var writer = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(_encoder?.Encoder.Name ?? SentenceEncoders.None);
        writer.Write(_encoder?.Encoder.WeightsHash ?? "");
        writer.Write(_encoder?.Weight ?? 0f);
        _featurizer.Write(writer);
        _classifier.Write(writer);
        if (_encoder is not null)
            (_phrases ?? PhraseVectors.Empty).Write(writer);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <param name="allowedEncoders">The encoders this replica serves with (null: any this build has).</param>
    /// <exception cref="InvalidDataException">The stream is not a model of this format, or was trained with an encoder this replica does not have.</exception>
    public static IntentModel Load(Stream source, IReadOnlyCollection<string>? allowedEncoders = null)
    {
        using var reader = new BinaryReader(source, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
                throw new InvalidDataException("Not an intent model of this version; retrain the bot to replace it.");
            var encoder = ReadEncoder(reader, allowedEncoders);
            // Measured after the encoder: it is one per process (its first use loads the ONNX weights), not the model's.
            var before = GC.GetAllocatedBytesForCurrentThread();
            var featurizer = IntentFeaturizer.Read(reader);
            var classifier = LinearIntentClassifier.Read(reader);
            return new IntentModel(featurizer, classifier, encoder, encoder is null ? null : PhraseVectors.Read(reader))
            {
                ResidentBytes = GC.GetAllocatedBytesForCurrentThread() - before,
            };
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The intent model is truncated.", exception);
        }
    }

    /// <summary>A model is only served with the exact encoder it was trained with: same name, same weights.</summary>
    private static EncoderBlock? ReadEncoder(BinaryReader reader, IReadOnlyCollection<string>? allowedEncoders)
    {
        var name = reader.ReadString();
        var hash = reader.ReadString();
        var weight = reader.ReadSingle();
        if (name == SentenceEncoders.None)
            return null;
        if (allowedEncoders is not null && !allowedEncoders.Contains(name))
            throw new InvalidDataException($"The model was trained with the '{name}' encoder, which this replica does not serve (it serves {string.Join(", ", allowedEncoders)}).");
        var encoder = SentenceEncoders.Get(name)!;
        if (encoder.WeightsHash != hash)
            throw new InvalidDataException($"The model was trained with '{name}' weights {hash}; this build has {encoder.WeightsHash}. Retrain the bot.");
        return new EncoderBlock(encoder, weight);
    }
}
