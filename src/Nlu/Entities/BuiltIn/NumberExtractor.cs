using System.Globalization;
using System.Text.RegularExpressions;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Nlu.Entities.BuiltIn;

/// <summary>Numbers written in digits ("3", "1,250", "-2.5") or as English words up to twenty, and tens ("forty").</summary>
internal static partial class NumberExtractor
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["a dozen"] = 12,
    };

    [GeneratedRegex(@"(?<![\w.,])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]|\.\d)|(?<![\w.,])-?\d+(?:\.\d+)?(?![\w]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(?:a dozen|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWords();

    public static IEnumerable<ExtractedEntity> Extract(string text)
    {
        foreach (Match match in Digits().Matches(text))
        {
            var value = decimal.Parse(match.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
            yield return Entity(match, value, 1.0);
        }
        foreach (Match match in NumberWords().Matches(text))
            // Words like "one" are often pronouns ("that one"): less sure than digits.
            yield return Entity(match, Words[match.Value], 0.8);
    }

    private static ExtractedEntity Entity(Match match, decimal value, double confidence) =>
        new(BuiltInEntities.Number, value.ToString(CultureInfo.InvariantCulture), match.Index, match.Index + match.Length, confidence, BuiltInEntities.Extractor);
}
