namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>A message names a bot that does not exist (deleted after Ingress accepted it); retrying cannot help.</summary>
public sealed class UnknownBotException(string botId) : Exception($"Bot '{botId}' does not exist.")
{
    public string BotId { get; } = botId;
}
