using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>
/// When a prediction is not to be trusted: its top intent is the fallback itself (a bot may teach it out-of-scope
/// phrases), is not probable enough, or has a second intent too close behind it (the model cannot tell them apart,
/// and guessing between them is worse than asking).
/// </summary>
/// <param name="Threshold">Least probability of the top intent.</param>
/// <param name="AmbiguityMargin">Least lead of the top intent over the second; 0 turns the check off.</param>
/// <param name="MinFamiliarity">Least similarity to the top intent's nearest training phrase (models with an encoder):
/// what is far from everything the bot was taught falls back however the classifier scores it.</param>
public sealed record FallbackPolicy(double Threshold, double AmbiguityMargin = 0, double MinFamiliarity = FallbackPolicy.DefaultMinFamiliarity)
{
    /// <summary>Chosen on CLINC150's validation split (in scope vs oos_valid); see docs/BENCHMARKS.md.</summary>
    public const double DefaultMinFamiliarity = 0.45;

    /// <summary>True when the prediction's top intent may be acted on.</summary>
    public bool Accepts(IntentPrediction prediction)
    {
        if (prediction.Top.Intent == SystemIntents.Fallback)
            return false;
        var top = prediction.Top.Probability;
        if (top < Threshold || prediction.Familiarity < MinFamiliarity)
            return false;
        return AmbiguityMargin <= 0 || prediction.Ranking.Count < 2 || top - prediction.Ranking[1].Probability >= AmbiguityMargin;
    }
}
