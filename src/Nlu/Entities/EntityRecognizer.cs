using System.Text.RegularExpressions;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Nlu.Entities;

/// <summary>
/// Finds a bot's entities in text. Built once per bot revision: the lookup values (with synonyms and the values
/// annotated in training phrases) and the regex patterns are compiled here, not per message.
/// </summary>
public sealed class EntityRecognizer
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);
    private readonly IReadOnlyList<(string Entity, Regex Pattern, string Extractor, IReadOnlyDictionary<string, string>? Canonical)> _matchers;

    private EntityRecognizer(IReadOnlyList<(string, Regex, string, IReadOnlyDictionary<string, string>?)> matchers) => _matchers = matchers;

    /// <summary>Compiles the recognizer for a bot definition.</summary>
    public static EntityRecognizer For(BotDefinition bot)
    {
        var matchers = new List<(string, Regex, string, IReadOnlyDictionary<string, string>?)>();
        foreach (var (entity, canonical) in LookupTable.Build(bot))
        {
            var alternatives = canonical.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape);
            var regex = new Regex($@"(?<![\w])(?:{string.Join('|', alternatives)})(?![\w])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout);
            matchers.Add((entity, regex, "synonyms", canonical));
        }
        foreach (var type in bot.Entities)
            foreach (var pattern in type.Patterns)
                matchers.Add((type.Name, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout), "regex", null));
        return new EntityRecognizer(matchers);
    }

    /// <summary>The entities in the text, longest first where two would overlap, then in reading order.</summary>
    public IReadOnlyList<ExtractedEntity> Extract(string text)
    {
        var found = new List<ExtractedEntity>();
        foreach (var (entity, pattern, extractor, canonical) in _matchers)
        {
            try
            {
                foreach (Match match in pattern.Matches(text))
                {
                    if (match.Length == 0)
                        continue;
                    var value = canonical is null ? ValueOf(match) : canonical[match.Value.ToLowerInvariant()];
                    found.Add(new ExtractedEntity(entity, value, match.Index, match.Index + match.Length, 1.0, extractor));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological admin-supplied pattern must not stall the consumer: skip it for this message.
            }
        }
        return WithoutOverlaps(found);
    }

    private static string ValueOf(Match match) => match.Groups["value"] is { Success: true } group ? group.Value : match.Value;

    private static List<ExtractedEntity> WithoutOverlaps(List<ExtractedEntity> found)
    {
        var kept = new List<ExtractedEntity>();
        foreach (var candidate in found.OrderByDescending(e => e.End - e.Start).ThenBy(e => e.Start))
            if (!kept.Any(k => candidate.Start < k.End && k.Start < candidate.End))
                kept.Add(candidate);
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
