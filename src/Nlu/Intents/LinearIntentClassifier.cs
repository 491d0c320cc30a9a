using System.Numerics.Tensors;
using ChatbotPipeline.Nlu.Intents.Features;
using ChatbotPipeline.Nlu.Storage;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>
/// The trained linear scorer: a weight row per feature (so an utterance touches only the rows of its own n-grams)
/// and a bias per intent, turned into probabilities by a softmax whose temperature was fitted on held-out data
/// so that a confidence of 0.8 is right about 80 % of the time.
/// </summary>
internal sealed class LinearIntentClassifier
{
    private readonly float[] _weights;
    private readonly float[] _biases;

    public LinearIntentClassifier(string[] labels, float[] featureMajorWeights, float[] biases, float temperature)
    {
        if (featureMajorWeights.Length % labels.Length != 0 || biases.Length != labels.Length)
            throw new ArgumentException("Weights and biases do not match the labels.");
        Labels = labels;
        _weights = featureMajorWeights;
        _biases = biases;
        Temperature = temperature;
    }

    public string[] Labels { get; }
    public float Temperature { get; }
    public int Dimension => _weights.Length / Labels.Length;

    public LinearIntentClassifier WithTemperature(float temperature) => new(Labels, _weights, _biases, temperature);

    /// <summary>Raw scores (logits) of every intent for a feature vector.</summary>
    public void Score(in SparseVector features, Span<float> scores)
    {
        var classes = Labels.Length;
        _biases.CopyTo(scores);
        var indices = features.IndexSpan;
        var values = features.ValueSpan;
        for (var i = 0; i < indices.Length; i++)
        {
            var row = _weights.AsSpan(indices[i] * classes, classes);
            TensorPrimitives.MultiplyAdd(row, values[i], scores, scores);
        }
    }

    /// <summary>Calibrated probabilities from raw scores, in place.</summary>
    public void Probabilities(Span<float> scores)
    {
        // SoftMax exponentiates as given: shift the largest score to 0 first so a sharp temperature cannot overflow.
        var max = TensorPrimitives.Max(scores);
        TensorPrimitives.Subtract(scores, max, scores);
        TensorPrimitives.Multiply(scores, 1f / Temperature, scores);
        TensorPrimitives.SoftMax(scores, scores);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Labels.Length);
        foreach (var label in Labels)
            writer.Write(label);
        writer.Write(Temperature);
        foreach (var bias in _biases)
            writer.Write(bias);
        FloatArrays.Write(writer, _weights);
    }

    public static LinearIntentClassifier Read(BinaryReader reader)
    {
        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
            labels[i] = reader.ReadString();
        var temperature = reader.ReadSingle();
        var biases = new float[labels.Length];
        for (var i = 0; i < biases.Length; i++)
            biases[i] = reader.ReadSingle();
        var weights = FloatArrays.Read(reader);
        return new LinearIntentClassifier(labels, weights, biases, temperature);
    }
}
