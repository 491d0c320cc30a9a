namespace ChatbotPipeline.Nlu.Intents.Features;

/// <summary>
/// 64-bit FNV-1a hashes of word and character n-grams, computed over spans so that featurizing an utterance
/// allocates no strings; at 64 bits, two distinct n-grams of a bot's vocabulary sharing a hash is not a practical concern.
/// </summary>
internal static class NgramHashes
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text, ulong seed)
    {
        var hash = Offset ^ seed;
        foreach (var c in text)
            hash = (hash ^ c) * Prime;
        return Finish(hash);
    }

    /// <summary>Hash of an ordered pair of hashes (word bigrams), so "new york" and "york new" differ.</summary>
    public static ulong Combine(ulong first, ulong second, ulong seed) =>
        Finish((first * 31 + second) ^ seed ^ 0x9E3779B97F4A7C15UL);

    // A final avalanche (splitmix64) so that hashes differing in their last characters spread over all bits.
    private static ulong Finish(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
