using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Templates;
using ChatbotPipeline.ServiceDefaults;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// Builds an intent's API request from its templates so that values — which users and channels supply — stay values:
/// in the URL every output is percent-encoded as one path segment or query value (<c>| raw</c> opts out), and a value
/// may not make a dot segment; the JSON body is the template's JSON with each string rendered into a string, so a quote
/// in a value cannot add a field (a body template that is not JSON is rendered with JSON string escaping and must come
/// out as JSON); a header value with a line break or another control character fails the call. Whatever fails, fails
/// with a reason and sends nothing.
/// </summary>
public sealed class ActionRequestBuilder(ResponseRenderer renderer)
{
    /// <summary>The request, or why it cannot be made (no request is sent then).</summary>
    public (ActionRequest? Request, string? Refusal) Build(ApiDetails api, TemplateModel model, IReadOnlyList<string> allowedHosts, string site)
    {
        var rendered = renderer.RenderText(api.Url, model, $"{site} (API URL)", UrlEncoder.Default)?.Trim();
        if (!Uri.TryCreate(rendered, UriKind.Absolute, out var url))
            return (null, $"The API URL template did not render to an absolute URL ('{rendered}').");
        if (HasDotSegment(rendered))
            return (null, "The API URL has a '.' or '..' path segment; a value may not move the call to another path.");
        if (ActionHostPolicy.HostRefusal(url, allowedHosts) is { } refusal)
            return (null, refusal);
        var method = HttpMethod.Parse(string.IsNullOrWhiteSpace(api.RequestType) ? "GET" : api.RequestType.Trim().ToUpperInvariant());

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in api.Headers)
        {
            if (renderer.RenderText(header.HeaderValue, model, $"{site} (header {header.HeaderKey})") is not { } value)
                return (null, $"The value of header '{header.HeaderKey}' could not be rendered.");
            if (value.Any(char.IsControl) || header.HeaderKey.Any(character => char.IsControl(character) || character == ':'))
                return (null, $"The value of header '{header.HeaderKey}' has a line break or another control character; it is not sent.");
            headers.Add(KeyValuePair.Create(header.HeaderKey, value));
        }

        string? body = null;
        if (api.IsJson && !string.IsNullOrWhiteSpace(api.JsonData))
        {
            body = JsonBody(api.JsonData, model, $"{site} (API body)");
            if (body is null)
                return (null, "The API body template did not render to JSON.");
        }
        return (new ActionRequest(method, url, headers, body), null);
    }

    private string? JsonBody(string template, TemplateModel model, string site)
    {
        JsonNode? shape;
        try
        {
            shape = JsonNode.Parse(template);
        }
        catch (JsonException)
        {
            shape = null;
        }
        if (shape is not null)
            return RenderStrings(shape, model, site) ? shape.ToJsonString() : null;

        // Not JSON as written ({"n": {{ n }}}): values are escaped as JSON strings, and the result must still be JSON.
        var text = renderer.RenderText(template, model, site, JavaScriptEncoder.Default);
        try
        {
            return text is null ? null : JsonNode.Parse(text)?.ToJsonString();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Renders every string (and property name) of the JSON in place; false when one cannot be rendered.</summary>
    private bool RenderStrings(JsonNode node, TemplateModel model, string site)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, value) in json.ToList())
                {
                    var renamed = IsTemplate(name) ? renderer.RenderText(name, model, site) : name;
                    if (renamed is null || (value is not null && !RenderStrings(value, model, site)))
                        return false;
                    if (renamed != name)
                    {
                        json.Remove(name);
                        json[renamed] = value;
                    }
                }
                return true;
            case JsonArray array:
                return array.All(item => item is null || RenderStrings(item, model, site));
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var text && IsTemplate(text):
                if (renderer.RenderText(text, model, site) is not { } rendered)
                    return false;
                value.ReplaceWith(JsonValue.Create(rendered));
                return true;
            default:
                return true;
        }
    }

    private static bool IsTemplate(string text) => text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal);

    private static bool HasDotSegment(string url)
    {
        var path = url.Split('?', '#')[0];
        var start = path.IndexOf("//", StringComparison.Ordinal);
        return path[(start < 0 ? 0 : start + 2)..].Split('/').Skip(1).Any(segment => segment is "." or ".." || segment.Equals("%2e", StringComparison.OrdinalIgnoreCase)
            || segment.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase) || segment.Equals(".%2e", StringComparison.OrdinalIgnoreCase) || segment.Equals("%2e.", StringComparison.OrdinalIgnoreCase));
    }
}
