namespace ChatbotPipeline.Nlu.Intents.Features;

/// <summary>The n-grams of one normalized utterance, as hashes tagged with the block they belong to.</summary>
internal static class NgramExtractor
{
    private const ulong WordSeed = 0x5744;
    private const ulong CharSeed = 0x4348;
    private const int MaxTokens = 256;
    private const int MaxWordLength = 64;

    public static void Extract(ReadOnlySpan<char> text, IntentFeatureSettings settings, List<ulong> words, List<ulong> chars)
    {
        Span<Range> tokens = stackalloc Range[MaxTokens];
        var count = IntentTokenizer.Tokenize(text, tokens);
        Span<ulong> tokenHashes = stackalloc ulong[count + 2];
        tokenHashes[0] = NgramHashes.Of("<s>", WordSeed);
        tokenHashes[count + 1] = NgramHashes.Of("</s>", WordSeed);
        Span<char> padded = stackalloc char[MaxWordLength + 2];
        for (var t = 0; t < count; t++)
        {
            var word = text[tokens[t]];
            if (word.Length > MaxWordLength)
                word = word[..MaxWordLength];
            tokenHashes[t + 1] = NgramHashes.Of(word, WordSeed);
            words.Add(tokenHashes[t + 1]);
            if (settings.CharWeight > 0)
            {
                padded[0] = '<';
                word.CopyTo(padded[1..]);
                padded[word.Length + 1] = '>';
                AddCharNgrams(padded[..(word.Length + 2)], settings, chars);
            }
        }
        // Bigrams and trigrams include the boundaries: "<s> hi" and "order </s>" say where a word stands.
        for (var n = 2; n <= settings.WordNgramLength; n++)
            for (var start = 0; start + n <= count + 2; start++)
            {
                var hash = tokenHashes[start];
                for (var k = 1; k < n; k++)
                    hash = NgramHashes.Combine(hash, tokenHashes[start + k], WordSeed + (ulong)n);
                words.Add(hash);
            }
    }

    private static void AddCharNgrams(ReadOnlySpan<char> padded, IntentFeatureSettings settings, List<ulong> chars)
    {
        for (var n = settings.CharNgramMin; n <= settings.CharNgramMax; n++)
            for (var start = 0; start + n <= padded.Length; start++)
            {
                // A lone boundary mark ("<" or ">") says nothing about the word.
                if (n == 1 && (padded[start] == '<' || padded[start] == '>'))
                    continue;
                chars.Add(NgramHashes.Of(padded.Slice(start, n), CharSeed));
            }
    }
}
