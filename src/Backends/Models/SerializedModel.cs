using ChatbotPipeline.Nlu;

namespace ChatbotPipeline.Backends.Models;

/// <summary>A trained model in its stored form: the intent model's bytes and, when there is a tagger, its bytes.</summary>
public sealed record SerializedModel(TrainedNluModel Trained, byte[] Intents, byte[]? Entities)
{
    public long Bytes => Intents.LongLength + (Entities?.LongLength ?? 0);
}
