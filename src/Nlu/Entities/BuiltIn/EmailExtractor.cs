using System.Text.RegularExpressions;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Nlu.Entities.BuiltIn;

/// <summary>E-mail addresses, lower-cased in the value (the domain is case-insensitive and so, in practice, is the mailbox).</summary>
internal static partial class EmailExtractor
{
    [GeneratedRegex(@"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    public static IEnumerable<ExtractedEntity> Extract(string text) =>
        Address().Matches(text).Select(m =>
            new ExtractedEntity(BuiltInEntities.Email, m.Value.ToLowerInvariant(), m.Index, m.Index + m.Length, 1.0, BuiltInEntities.Extractor));
}
