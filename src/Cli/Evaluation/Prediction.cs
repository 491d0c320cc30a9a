using ChatbotPipeline.Nlu.Entities.Learned;

namespace ChatbotPipeline.Cli.Evaluation;

/// <summary>One held-out phrase: its intent, what the model said, and the entities annotated and found.</summary>
public sealed record Prediction(string Text, string Expected, string Predicted, double Confidence,
    IReadOnlyList<EntitySpan> ExpectedEntities, IReadOnlyList<EntitySpan> FoundEntities);
