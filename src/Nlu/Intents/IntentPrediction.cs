namespace ChatbotPipeline.Nlu.Intents;

/// <summary>The intents a model considers for an utterance, most probable first.</summary>
/// <param name="Familiarity">
/// With a sentence encoder: the cosine similarity of the utterance to the nearest training phrase of the top intent
/// — how close it is to anything the bot was taught for that intent; null without an encoder.
/// </param>
public sealed record IntentPrediction(IReadOnlyList<IntentScore> Ranking, double? Familiarity = null)
{
    /// <summary>The most probable intent.</summary>
    public IntentScore Top => Ranking[0];
}

/// <summary>One intent and the model's probability for it.</summary>
public sealed record IntentScore(string Intent, double Probability);
