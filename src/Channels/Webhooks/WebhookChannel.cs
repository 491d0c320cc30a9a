namespace ChatbotPipeline.Channels.Webhooks;

/// <summary>Endpoint metadata naming the channel a webhook route serves (metrics label requests with it).</summary>
public sealed record WebhookChannel(string Name);
