using ChatbotPipeline.Nlu.Text;

namespace ChatbotPipeline.Nlu.Entities.Learned;

/// <summary>A token of a message with its character span in the original text.</summary>
internal readonly record struct Token(int Start, int End);

/// <summary>
/// Splits text into words (<see cref="WordRuns"/>) and single punctuation marks, so that entity spans map onto
/// whole tokens: "R&amp;B" is three tokens, "don't" one.
/// </summary>
internal static class EntityTokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                tokens.Add(new Token(i, i + 1));
                i++;
                continue;
            }
            var start = i;
            i = WordRuns.EndOf(text, start);
            tokens.Add(new Token(start, i));
        }
        return tokens;
    }
}
