using System.Text.RegularExpressions;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Nlu.Dialogue;

/// <summary>
/// What a message says in answer to the parameter the bot just asked for, when no entity of that parameter's type was
/// found: a <c>free_text</c> parameter takes the whole message (as ai-chatbot-framework does); otherwise the best span
/// the extractors found, whatever type they gave it ("in Berlin" tagged as a cuisine while the bot asked for a
/// location), or else a short answer itself, less the words around it ("in Berlin" → Berlin).
/// </summary>
public sealed partial record PromptAnswer(string Parameter, string Value, ExtractedEntity? From)
{
    public const string FreeText = "free_text";

    /// <summary>Answers longer than this many words are sentences, not a value.</summary>
    public const int ShortAnswerWords = 4;

    public static PromptAnswer? For(Intent intent, string? awaiting, IReadOnlyList<ExtractedEntity> entities, string? text)
    {
        if (awaiting is null || intent.Parameters.FirstOrDefault(p => p.Name == awaiting) is not { } parameter || string.IsNullOrWhiteSpace(text))
            return null;
        if (entities.Any(e => e.Entity == parameter.Type || e.Entity == parameter.Name))
            return null;
        if (parameter.Type == FreeText)
            return new PromptAnswer(parameter.Name, text.Trim(), null);
        // Built-in values (a number, a date) are only taken for the types that ask for them.
        if (entities.Where(e => !e.Entity.StartsWith("sys.", StringComparison.Ordinal)).OrderByDescending(e => e.Confidence).FirstOrDefault() is { } best)
            return new PromptAnswer(parameter.Name, best.Value, best);
        var words = Filler().Replace(text.Trim().TrimEnd('.', '!', '?'), "").Trim();
        return words.Length > 0 && words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= ShortAnswerWords
            ? new PromptAnswer(parameter.Name, words, null)
            : null;
    }

    [GeneratedRegex(@"^(?:(?:it's|it is|its|my|the|is|in|at|on|near|for|to|from|a|an|uh|um|i'm in|i am in)\s+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();
}
