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
        var text = Expression().Replace(template, match => Resolve(match.Groups["scope"].Value, match.Groups["name"].Value, parameters));
        return text.Split("###", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Resolve(string scope, string name, IReadOnlyDictionary<string, string> parameters) =>
        scope is "" or "parameters" or "context" && parameters.TryGetValue(name, out var value) ? value : "";

    [GeneratedRegex("""\{\{\s*(?:(?<scope>parameters|context)(?:\.(?<name>\w+)|\[\s*['"](?<name>\w+)['"]\s*\])|(?<name>\w+))\s*\}\}""")]
    private static partial Regex Expression();
}
