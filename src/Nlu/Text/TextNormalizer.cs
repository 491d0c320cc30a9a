using System.Text;

namespace ChatbotPipeline.Nlu.Text;

/// <summary>Brings utterances to the one form the intent model is trained and queried on.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Lower-cases and maps every digit to <c>0</c>, so "ORD12345" and "ORD98765" look alike to the model:
    /// the shape of an id matters for the intent, its value only for the entity.
    /// </summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(char.IsDigit(c) ? '0' : char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
