namespace ChatbotPipeline.Contracts;

/// <summary>Asks the trainer to build a new NLU model for a bot.</summary>
/// <param name="Force">Train even when the training data has not changed since the current model.</param>
/// <param name="OverrideGate">Publish even when held-out accuracy fell more than the gate allows.</param>
public sealed record TrainingRequested(string RequestId, string BotId, bool Force, DateTimeOffset RequestedAt, bool OverrideGate = false);
