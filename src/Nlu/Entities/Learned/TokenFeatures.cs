using ChatbotPipeline.Nlu.Intents.Features;

namespace ChatbotPipeline.Nlu.Entities.Learned;

/// <summary>
/// The observation features of each token, as hashes: the word and its neighbours two either side, word pairs,
/// prefixes and suffixes, and the word's shape ("Xxxx", "dd:dd"), which carries capitalization and number formats.
/// </summary>
internal static class TokenFeatures
{
    private const int MaxAffix = 3;

    public static ulong[][] Extract(string text, IReadOnlyList<Token> tokens)
    {
        var words = new string[tokens.Count];
        var shapes = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var span = text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);
            words[i] = Normalize(span);
            shapes[i] = Shape(span);
        }
        var features = new ulong[tokens.Count][];
        var list = new List<ulong>(32);
        for (var i = 0; i < tokens.Count; i++)
        {
            list.Clear();
            var w = words[i];
            list.Add(Hash("bias", ""));
            list.Add(Hash("w", w));
            list.Add(Hash("shape", shapes[i]));
            list.Add(Hash("w-1", Word(words, i - 1)));
            list.Add(Hash("w+1", Word(words, i + 1)));
            list.Add(Hash("w-2", Word(words, i - 2)));
            list.Add(Hash("w+2", Word(words, i + 2)));
            list.Add(Hash("w-1|w", Word(words, i - 1) + "|" + w));
            list.Add(Hash("w|w+1", w + "|" + Word(words, i + 1)));
            list.Add(Hash("s-1|s", (i > 0 ? shapes[i - 1] : "<s>") + "|" + shapes[i]));
            for (var n = 1; n <= Math.Min(MaxAffix, w.Length); n++)
            {
                list.Add(Hash("pre", w[..n]));
                list.Add(Hash("suf", w[^n..]));
            }
            features[i] = list.ToArray();
        }
        return features;
    }

    private static string Word(string[] words, int i) => i < 0 ? "<s>" : i >= words.Length ? "</s>" : words[i];

    private static ulong Hash(string kind, string value) =>
        NgramHashes.Combine(NgramHashes.Of(kind, 0x4546), NgramHashes.Of(value, 0x5456), 0x454E);

    private static string Normalize(ReadOnlySpan<char> token)
    {
        Span<char> lower = stackalloc char[token.Length];
        for (var i = 0; i < token.Length; i++)
            lower[i] = char.IsDigit(token[i]) ? '0' : char.ToLowerInvariant(token[i]);
        return new string(lower);
    }

    /// <summary>Letters become X or x, digits d, other marks stay; runs of a class collapse to two ("Xxxx" → "Xxx").</summary>
    private static string Shape(ReadOnlySpan<char> token)
    {
        var shape = new System.Text.StringBuilder(Math.Min(token.Length, 8));
        char last = '\0';
        var run = 0;
        foreach (var c in token)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLetter(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= 2)
                shape.Append(s);
        }
        return shape.ToString();
    }
}
