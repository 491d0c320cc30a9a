using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Entities;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>A bot definition with what is compiled from it once per revision.</summary>
public sealed record BotRuntime(BotDefinition Definition, EntityRecognizer Entities);
