using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Nlu;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>A model version held in memory and serving a bot.</summary>
public sealed record LoadedModel(ModelManifest Manifest, NluModel Model)
{
    public string Version => Manifest.Version;
}
