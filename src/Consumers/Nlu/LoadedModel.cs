using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Nlu;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>A model version held in memory and serving a bot.</summary>
/// <param name="Bytes">What it weighs in the model cache: measured at load, at least its stored size.</param>
public sealed record LoadedModel(ModelManifest Manifest, NluModel Model, long Bytes)
{
    public string Version => Manifest.Version;
}
