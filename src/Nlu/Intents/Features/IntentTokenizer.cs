namespace ChatbotPipeline.Nlu.Intents.Features;

/// <summary>
/// Splits a normalized utterance into word spans: runs of letters and digits, keeping an apostrophe inside a word
/// ("what's", "don't") because its contractions carry meaning the parts do not.
/// </summary>
internal static class IntentTokenizer
{
    public static int Tokenize(ReadOnlySpan<char> text, Span<Range> tokens)
    {
        var count = 0;
        var start = -1;
        for (var i = 0; i <= text.Length && count < tokens.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i])
                || (text[i] == '\'' && start >= 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])));
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                tokens[count++] = new Range(start, i);
                start = -1;
            }
        }
        return count;
    }
}
