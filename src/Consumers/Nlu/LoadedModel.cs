using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>A model version held in memory and serving a bot.</summary>
public sealed record LoadedModel(ModelManifest Manifest, IntentModel Model)
{
    public string Version => Manifest.Version;
}
