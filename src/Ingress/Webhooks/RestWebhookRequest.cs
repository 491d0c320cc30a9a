using System.Text.Json;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>The body of Rasa's REST channel: <c>{"sender": "...", "message": "...", "metadata": {}}</c>.</summary>
public sealed record RestWebhookRequest(string? Sender, string? Message, Dictionary<string, JsonElement>? Metadata);

/// <summary>The answer once the message is on the bus; replies follow on the chat stream or the callback URL.</summary>
public sealed record WebhookAccepted(string MessageId, string ConversationId);
