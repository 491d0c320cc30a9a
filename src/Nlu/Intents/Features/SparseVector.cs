namespace ChatbotPipeline.Nlu.Intents.Features;

/// <summary>A feature vector as sorted indices and their values; both arrays may be longer than <see cref="Count"/>.</summary>
internal struct SparseVector(int[] indices, float[] values, int count)
{
    public int[] Indices = indices;
    public float[] Values = values;
    public int Count = count;

    public readonly ReadOnlySpan<int> IndexSpan => Indices.AsSpan(0, Count);
    public readonly ReadOnlySpan<float> ValueSpan => Values.AsSpan(0, Count);
}
