using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Nlu.Entities.BuiltIn;

/// <summary>The values every bot recognizes without being taught: numbers, e-mail addresses, dates and times.</summary>
public static class BuiltInEntities
{
    public const string Number = "sys.number";
    public const string Email = "sys.email";
    public const string DateTime = "sys.datetime";
    public const string Extractor = "builtin";

    /// <summary>
    /// Every built-in value in the text. Dates and times resolve against <paramref name="now"/> (the bot's clock), so
    /// "tomorrow at 5pm" is a concrete ISO 8601 value.
    /// </summary>
    public static IReadOnlyList<ExtractedEntity> Extract(string text, DateTimeOffset now)
    {
        var found = new List<ExtractedEntity>();
        found.AddRange(EmailExtractor.Extract(text));
        found.AddRange(DateTimeExtractor.Extract(text, now));
        // A number inside an address or a date is part of that value, not a number of its own.
        foreach (var number in NumberExtractor.Extract(text))
            if (!found.Any(f => number.Start < f.End && f.Start < number.End))
                found.Add(number);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }
}
