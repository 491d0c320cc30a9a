using ChatbotPipeline.Nlu.Entities.Learned;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Nlu;

/// <summary>What one training run of a bot produces and NLU serves: the intent classifier and, when the bot's phrases annotate entities, the entity tagger.</summary>
public sealed record NluModel(IntentModel Intents, EntityTagger? Entities)
{
    /// <summary>Bytes the model takes in memory, as measured when it was loaded; 0 when it was not measured (just trained).</summary>
    public long ResidentBytes { get; init; }
}
