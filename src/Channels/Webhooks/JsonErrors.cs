using System.Text.Json;

namespace ChatbotPipeline.Channels.Webhooks;

/// <summary>
/// A JSON reader's error as a person reads it: where (the field, line and column) and what was expected — never the
/// .NET type it was being read into or the reader's options, which mean nothing to whoever sent the body.
/// </summary>
public static class JsonErrors
{
    public static string Describe(JsonException exception, string what = "The body")
    {
        var where = exception.LineNumber is { } line
            ? $" at line {line + 1}, column {(exception.BytePositionInLine ?? 0) + 1}"
            : "";
        var field = exception.Path is { Length: > 1 } path && path != "$" ? $" ('{path.TrimStart('$', '.')}')" : "";
        var reason = exception.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "a value has the wrong type"
            : exception.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Replace(" Change the reader options.", "", StringComparison.Ordinal).TrimEnd('.', ' ');
        return $"{what} is not valid JSON{where}{field}: {reason}.";
    }
}
