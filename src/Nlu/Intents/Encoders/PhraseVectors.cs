using System.Numerics.Tensors;
using ChatbotPipeline.Nlu.Storage;

namespace ChatbotPipeline.Nlu.Intents.Encoders;

/// <summary>
/// The training phrases' encoder vectors by intent, for how familiar an utterance is: its cosine similarity to the
/// nearest phrase of an intent (the vectors are unit length, so a dot product). Out-of-scope questions score high with
/// a classifier that only knows its intents, but are far from every phrase.
/// </summary>
internal sealed class PhraseVectors(float[][] vectors, int[] labels)
{
    public static readonly PhraseVectors Empty = new([], []);

    /// <summary>Largest similarity to a phrase of intent <paramref name="label"/>; 1 when the intent has none (nothing to compare).</summary>
    public double Nearest(float[] vector, int label)
    {
        var best = double.NegativeInfinity;
        for (var i = 0; i < vectors.Length; i++)
            if (labels[i] == label)
                best = Math.Max(best, TensorPrimitives.Dot(vector, vectors[i]));
        return double.IsNegativeInfinity(best) ? 1 : best;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(vectors.Length);
        for (var i = 0; i < vectors.Length; i++)
        {
            writer.Write(labels[i]);
            FloatArrays.Write(writer, vectors[i]);
        }
    }

    public static PhraseVectors Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var vectors = new float[count][];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = reader.ReadInt32();
            vectors[i] = FloatArrays.Read(reader);
        }
        return new PhraseVectors(vectors, labels);
    }
}
