using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// The body of Rasa's REST channel: <c>{"sender": "...", "message": "...", "metadata": {}}</c>, plus an optional
/// <c>message_id</c>: the caller's own id for the message, whose repeats within the duplicate window are dropped.
/// </summary>
public sealed record RestWebhookRequest(
    string? Sender,
    string? Message,
    Dictionary<string, JsonElement>? Metadata,
    [property: JsonPropertyName("message_id")] string? MessageId = null);

/// <summary>The answer once the message is on the bus; replies follow on the chat stream or the callback URL.</summary>
public sealed record WebhookAccepted(string MessageId, string ConversationId);
