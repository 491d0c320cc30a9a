using System.Text.RegularExpressions;

namespace ChatbotPipeline.Nlu.Dialogue;

/// <summary>
/// Renders ai-chatbot-framework response templates: <c>{{ parameters.x }}</c>, <c>{{ parameters['x'] }}</c>,
/// <c>{{ context.x }}</c> and bare <c>{{ x }}</c>; <c>###</c> splits the result into separate messages.
/// </summary>
public static partial class ResponseTemplate
{
    /// <summary>The messages the template renders to; an expression that names nothing known renders empty.</summary>
    public static IReadOnlyList<string> Render(string template, IReadOnlyDictionary<string, string> parameters)
    {
        var text = Expression().Replace(template, match => Resolve(match.Groups["expression"].Value, parameters));
        return text.Split("###", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Resolve(string expression, IReadOnlyDictionary<string, string> parameters) =>
        Reference().Match(expression) is { Success: true } reference && parameters.TryGetValue(reference.Groups["name"].Value, out var value) ? value : "";

    [GeneratedRegex("""\{\{(?<expression>.*?)\}\}""", RegexOptions.Singleline)]
    private static partial Regex Expression();

    [GeneratedRegex("""^\s*(?:(?:parameters|context)(?:\.(?<name>\w+)|\[\s*['"](?<name>\w+)['"]\s*\])|(?<name>\w+))\s*$""")]
    private static partial Regex Reference();
}
