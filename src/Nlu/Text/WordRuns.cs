namespace ChatbotPipeline.Nlu.Text;

/// <summary>
/// What counts as a word for every tokenizer in NLU: a run of letters and digits, keeping an apostrophe inside it
/// ("what's", "don't") because contractions carry meaning their parts do not.
/// </summary>
internal static class WordRuns
{
    /// <summary>The end (exclusive) of the word starting at <paramref name="start"/>, which must be a letter or digit.</summary>
    public static int EndOf(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '\'' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
            i++;
        return i;
    }
}
