using System.Text.Json;

namespace ChatbotPipeline.Nlu.Templates;

/// <summary>What a response template can name: <c>parameters</c> the intent collected, <c>context</c> the channel
/// knows (the REST channel's metadata, the platform user's name) and <c>result</c>, an API call's parsed JSON answer.</summary>
public sealed record TemplateModel(IReadOnlyDictionary<string, string> Parameters, IReadOnlyDictionary<string, string> Context, JsonElement? Result = null)
{
    public static readonly TemplateModel Empty = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>The root names a template may use besides the bare parameter names.</summary>
    public static readonly IReadOnlySet<string> Roots = new HashSet<string>(StringComparer.Ordinal) { "parameters", "context", "result" };
}
