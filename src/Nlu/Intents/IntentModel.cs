using System.Text;
using ChatbotPipeline.Nlu.Intents.Features;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>A trained intent classifier; thread-safe, so one instance serves every consumer thread.</summary>
public sealed class IntentModel
{
    /// <summary>How many intents a prediction ranks: enough for ambiguity checks and suggestions, cheap to build.</summary>
    public const int RankedIntents = 10;

    private static readonly byte[] Magic = "CBPNLU"u8.ToArray();
    private const int FormatVersion = 3;

    private readonly IntentFeaturizer _featurizer;
    private readonly LinearIntentClassifier _classifier;

    internal IntentModel(IntentFeaturizer featurizer, LinearIntentClassifier classifier)
    {
        if (featurizer.Dimension != classifier.Dimension)
            throw new ArgumentException("The classifier was not trained on this featurizer's vectors.");
        _featurizer = featurizer;
        _classifier = classifier;
    }

    /// <summary>The intents this model can tell apart.</summary>
    public IReadOnlyList<string> Intents => _classifier.Labels;

    internal IntentFeaturizer Featurizer => _featurizer;
    internal LinearIntentClassifier Classifier => _classifier;

    /// <summary>Ranks the model's most probable intents for an utterance (at most <see cref="RankedIntents"/>).</summary>
    public IntentPrediction Predict(string text)
    {
        var classes = _classifier.Labels.Length;
        Span<float> scores = classes <= 1024 ? stackalloc float[classes] : new float[classes];
        _classifier.Score(_featurizer.Featurize(text), scores);
        _classifier.Probabilities(scores);
        return new IntentPrediction(Rank(scores));
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
        _featurizer.Write(writer);
        _classifier.Write(writer);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of this format.</exception>
    public static IntentModel Load(Stream source)
    {
        using var reader = new BinaryReader(source, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
                throw new InvalidDataException("Not an intent model of this version; retrain the bot to replace it.");
            return new IntentModel(IntentFeaturizer.Read(reader), LinearIntentClassifier.Read(reader));
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The intent model is truncated.", exception);
        }
    }
}
