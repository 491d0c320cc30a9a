namespace ChatbotPipeline.Contracts;

/// <summary>An intent the model considered for a message, with its calibrated probability.</summary>
public sealed record IntentCandidate(string Intent, double Confidence);
