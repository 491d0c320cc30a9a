using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Nlu;

/// <summary>A freshly trained bot model, how it measured and how it was trained: what a manifest records.</summary>
public sealed record TrainedNluModel(NluModel Model, IntentModelMetrics Metrics, IntentTrainingSettings Settings);
