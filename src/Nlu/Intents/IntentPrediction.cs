namespace ChatbotPipeline.Nlu.Intents;

/// <summary>The intents a model considers for an utterance, most probable first.</summary>
public sealed record IntentPrediction(IReadOnlyList<IntentScore> Ranking)
{
    /// <summary>The most probable intent.</summary>
    public IntentScore Top => Ranking[0];
}

/// <summary>One intent and the model's probability for it.</summary>
public sealed record IntentScore(string Intent, double Probability);
