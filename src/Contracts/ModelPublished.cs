namespace ChatbotPipeline.Contracts;

/// <summary>A new NLU model version for a bot is in the object store; NLU replicas switch to it.</summary>
public sealed record ModelPublished(string BotId, string Version, string DataHash, DateTimeOffset CreatedAt);
