using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ChatbotPipeline.Ingress.ApiDocument;

/// <summary>Request bodies a newcomer would otherwise have to guess, shown with the operations that take them.</summary>
internal static class RequestExamples
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["POST /api/bots"] = """{"id": "shop", "name": "Shop assistant", "fallbackThreshold": 0.4, "contextMinutes": 30}""",
        ["POST /api/bots/{botId}/intents"] = """
            {"intentId": "order_status", "name": "Order status", "speechResponse": "Order {{ parameters.order_id }} is on its way.",
             "parameters": [{"name": "order_id", "type": "order_id", "required": true, "prompt": "What is your order number?"}],
             "trainingData": [{"text": "where is my order", "entities": []},
                              {"text": "track order ORD12345", "entities": [{"value": "ORD12345", "begin": 12, "end": 20, "name": "order_id"}]}]}
            """,
        ["POST /api/bots/{botId}/exports"] = """{"from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z"}""",
        ["POST /webhooks/rest/{botId}"] = """{"sender": "user-42", "message": "where is my order?", "message_id": "m-1", "metadata": {"callback_url": "https://example.org/replies"}}""",
    };

    public static void Apply(string method, string path, OpenApiOperation operation)
    {
        if (!Examples.TryGetValue($"{method} {path}", out var example) || operation.RequestBody?.Content is not { } content)
            return;
        foreach (var media in content.Values.OfType<OpenApiMediaType>())
            media.Example = JsonNode.Parse(example);
    }
}
