using ChatbotPipeline.Nlu.Text;

namespace ChatbotPipeline.Nlu.Intents.Features;

/// <summary>Splits a normalized utterance into word spans (<see cref="WordRuns"/>); punctuation and spaces separate them.</summary>
internal static class IntentTokenizer
{
    public static int Tokenize(ReadOnlySpan<char> text, Span<Range> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < tokens.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var end = WordRuns.EndOf(text, i);
            tokens[count++] = new Range(i, end);
            i = end;
        }
        return count;
    }
}
