using System.Text.Json;

namespace ChatbotPipeline.Channels.Webhooks;

/// <summary>Reads the platforms' snake_case JSON; anything that is not the expected shape is a 400, never an exception.</summary>
public static class PlatformJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        MaxDepth = 32,
    };

    public static T? Read<T>(ReadOnlySpan<byte> body, out string? error) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            error = value is null ? "The body must be a JSON object." : null;
            return value;
        }
        catch (JsonException exception)
        {
            error = JsonErrors.Describe(exception);
            return null;
        }
    }
}
