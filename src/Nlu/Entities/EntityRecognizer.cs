using System.Text.RegularExpressions;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Entities.BuiltIn;
using ChatbotPipeline.Nlu.Entities.Learned;

namespace ChatbotPipeline.Nlu.Entities;

/// <summary>
/// Finds a bot's entities in text with every extractor: the bot's regex patterns and lookup values (with synonyms
/// and the values annotated in training phrases), the tagger learned from its annotated phrases, and the built-in
/// number, e-mail and date/time values. Built once per bot revision: lookups and patterns compile here, not per message.
/// </summary>
public sealed class EntityRecognizer
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);
    private readonly IReadOnlyList<(string Entity, Regex Pattern, string Extractor, IReadOnlyDictionary<string, string>? Canonical)> _matchers;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _canonical;

    private EntityRecognizer(IReadOnlyList<(string, Regex, string, IReadOnlyDictionary<string, string>?)> matchers)
    {
        _matchers = matchers;
        _canonical = matchers.Where(m => m.Item4 is not null).ToDictionary(m => m.Item1, m => m.Item4!, StringComparer.Ordinal);
    }

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

    /// <summary>
    /// The entities in the text in reading order. Where two overlap, the bot's own patterns and lookups win over the
    /// tagger, and the tagger over built-in values; among equals, the longer span.
    /// </summary>
    /// <param name="tagger">The bot's learned tagger, when its model has one.</param>
    /// <param name="now">The time relative dates ("tomorrow") resolve against.</param>
    /// <param name="patternTimedOut">Told the entity and pattern of a match that ran out of time (and was skipped).</param>
    public IReadOnlyList<ExtractedEntity> Extract(string text, DateTimeOffset now, EntityTagger? tagger = null, Action<string, string>? patternTimedOut = null)
    {
        var found = new List<ExtractedEntity>();
        if (tagger is not null)
            found.AddRange(tagger.Extract(text).Select(Canonicalize));
        found.AddRange(BuiltInEntities.Extract(text, now));
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
                // A pathological admin-supplied pattern must not stall the consumer: skip it for this message, and say so.
                patternTimedOut?.Invoke(entity, pattern.ToString());
            }
        }
        // Synonyms apply to what every extractor found (regex matches and built-in values too), as Rasa's mapper does.
        return WithoutOverlaps(found.Select(Canonicalize).ToList());
    }

    // A tagged value that is a known synonym takes its canonical value, as a lookup match would.
    private ExtractedEntity Canonicalize(ExtractedEntity tagged) =>
        _canonical.TryGetValue(tagged.Entity, out var forms) && forms.TryGetValue(tagged.Value.ToLowerInvariant(), out var canonical)
            ? tagged with { Value = canonical }
            : tagged;

    private static string ValueOf(Match match) => match.Groups["value"] is { Success: true } group ? group.Value : match.Value;

    private static List<ExtractedEntity> WithoutOverlaps(List<ExtractedEntity> found)
    {
        var kept = new List<ExtractedEntity>();
        foreach (var candidate in found.OrderBy(e => Rank(e.Extractor)).ThenByDescending(e => e.End - e.Start).ThenBy(e => e.Start))
            if (!kept.Any(k => candidate.Start < k.End && k.Start < candidate.End))
                kept.Add(candidate);
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private static int Rank(string extractor) => extractor switch
    {
        EntityTagger.Extractor => 1,
        BuiltInEntities.Extractor => 2,
        _ => 0,
    };
}
