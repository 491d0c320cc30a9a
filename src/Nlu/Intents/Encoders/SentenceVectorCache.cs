using System.Collections.Concurrent;

namespace ChatbotPipeline.Nlu.Intents.Encoders;

/// <summary>
/// The vectors of texts an encoder has seen ("hi", "thanks", button payloads repeat all day), up to a bound: past it,
/// new texts are encoded per call and not kept, so memory never follows what users type.
/// </summary>
public sealed class SentenceVectorCache(int capacity)
{
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    /// <summary>One vector per text, in order: known ones from the cache, the rest from <paramref name="encode"/> in one call.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, Func<IReadOnlyList<string>, float[][]> encode)
    {
        var vectors = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (_vectors.TryGetValue(texts[i], out var known))
                vectors[i] = known;
            else
                missing.Add(i);
        }
        if (missing.Count == 0)
            return vectors;
        var encoded = encode([.. missing.Select(i => texts[i])]);
        for (var j = 0; j < missing.Count; j++)
        {
            vectors[missing[j]] = encoded[j];
            if (_vectors.Count < capacity)
                _vectors.TryAdd(texts[missing[j]], encoded[j]);
        }
        return vectors;
    }
}
