using System.Text.RegularExpressions;

namespace ChatbotPipeline.Nlu.Templates.Limits;

/// <summary>
/// Checks a template's size and block nesting on its text, before the parser sees it: the parser recurses once per
/// open block, so a template of thousands of nested <c>{% if %}</c> would end the process with a stack overflow —
/// something no <c>catch</c> can stop. Every path that stores a template and every render call this first.
/// </summary>
public static partial class TemplatePrecheck
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "if", "unless", "for", "case", "capture", "tablerow", "comment", "raw", "ifchanged", "paginate", "form", "layout", "block",
    };

    /// <summary>Null when the template may be parsed; otherwise why not, in words for the bot's author.</summary>
    public static string? Refusal(string template, TemplateLimits limits)
    {
        if (template.Length > limits.MaxTemplateChars)
            return $"The template has {template.Length:N0} characters; at most {limits.MaxTemplateChars:N0} are allowed.";
        var depth = 0;
        var deepest = 0;
        foreach (Match tag in Tag().Matches(template))
        {
            var name = tag.Groups["name"].Value;
            if (Blocks.Contains(name))
                deepest = Math.Max(deepest, ++depth);
            else if (name.StartsWith("end", StringComparison.Ordinal) && Blocks.Contains(name[3..]))
                depth = Math.Max(0, depth - 1);
        }
        // Brackets recurse in the expression parser the same way ({{ a[b[c[…]]] }}).
        var brackets = 0;
        foreach (var character in template)
        {
            brackets += character switch { '[' or '(' => 1, ']' or ')' => -1, _ => 0 };
            deepest = Math.Max(deepest, brackets);
        }
        return deepest > limits.MaxNesting
            ? $"The template nests {deepest} blocks or brackets deep; at most {limits.MaxNesting} are allowed."
            : null;
    }

    [GeneratedRegex("""\{%-?\s*(?<name>[a-z]+)""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();
}
