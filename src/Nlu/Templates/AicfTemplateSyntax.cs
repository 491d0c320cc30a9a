using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatbotPipeline.Nlu.Templates;

/// <summary>
/// Reads ai-chatbot-framework's Jinja2 forms as Liquid, which the template engine speaks: a list literal under
/// <c>random</c> (<c>{{ [ "a", "b" ] | random }}</c>) becomes a named list the render supplies, filter calls with
/// parentheses (<c>| default('x')</c>) take Liquid's colon form, and Jinja's <c>upper</c>/<c>lower</c>/<c>title</c>
/// their Liquid names. Templates are stored as written, so an export gives back exactly what was imported.
/// </summary>
public static partial class AicfTemplateSyntax
{
    /// <summary>The prefix of the names given to list literals.</summary>
    public const string ListPrefix = "aicf_list_";

    private static readonly Dictionary<string, string> FilterNames = new(StringComparer.Ordinal)
    {
        ["upper"] = "upcase",
        ["lower"] = "downcase",
        ["title"] = "capitalize",
        ["length"] = "size",
    };

    /// <summary>The template in Liquid, and the lists its literals named.</summary>
    public static (string Liquid, IReadOnlyDictionary<string, IReadOnlyList<string>> Lists) ToLiquid(string template)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var liquid = Output().Replace(template, output =>
        {
            var expression = ListLiteral().Replace(output.Value, literal =>
            {
                if (ReadList(literal.Value) is not { } items)
                    return literal.Value;
                var name = $"{ListPrefix}{lists.Count}";
                lists[name] = items;
                return name;
            });
            expression = CallFilter().Replace(expression, call => $"| {FilterName(call.Groups["name"].Value)}: {call.Groups["arguments"].Value}");
            return BareFilter().Replace(expression, filter => $"| {FilterName(filter.Groups["name"].Value)}");
        });
        return (liquid, lists);
    }

    private static string FilterName(string name) => FilterNames.GetValueOrDefault(name, name);

    /// <summary>A JSON-shaped list of strings (what Jinja and AICF's files write), or null for anything else.</summary>
    private static List<string>? ReadList(string literal)
    {
        // Double-quoted as written (apostrophes inside are text), else Jinja's single quotes read as double.
        return Parse(literal) ?? Parse(literal.Replace('\'', '"'));

        static List<string>? Parse(string json)
        {
            try
            {
                return JsonSerializer.Deserialize<List<string>>(json, new JsonSerializerOptions { AllowTrailingCommas = true });
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    [GeneratedRegex("""\{\{.*?\}\}""", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Output();

    // Not an indexer: parameters['x'] stays as it is.
    [GeneratedRegex("""(?<![\w\]\)]\s*)\[\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')(?:\s*,\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))*\s*,?\s*\]""", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListLiteral();

    [GeneratedRegex("""\|\s*(?<name>\w+)\s*\((?<arguments>[^()]*)\)""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CallFilter();

    [GeneratedRegex("""\|\s*(?<name>upper|lower|title|length)\b(?!\s*:)""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BareFilter();
}
