using ChatbotPipeline.Nlu.Intents.Features;

namespace ChatbotPipeline.Nlu.Intents.Encoders;

/// <summary>
/// The sentence encoder's vector as a feature block after the n-grams: dimensions [offset, offset + encoder dimension),
/// scaled by <see cref="Weight"/> against the n-gram blocks (each L2-normalized to 1).
/// </summary>
internal sealed record EncoderBlock(ISentenceEncoder Encoder, float Weight)
{
    /// <summary>The n-gram vector with the encoder's appended (new arrays: the n-gram vector may be per-thread scratch).</summary>
    public SparseVector Append(in SparseVector ngrams, float[] encoded, int offset)
    {
        var count = ngrams.Count + encoded.Length;
        var indices = new int[count];
        var values = new float[count];
        ngrams.IndexSpan.CopyTo(indices);
        ngrams.ValueSpan.CopyTo(values);
        for (var j = 0; j < encoded.Length; j++)
        {
            indices[ngrams.Count + j] = offset + j;
            values[ngrams.Count + j] = encoded[j] * Weight;
        }
        return new SparseVector(indices, values, count);
    }
}
