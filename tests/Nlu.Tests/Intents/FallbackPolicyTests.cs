using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Nlu.Tests.Intents;

public sealed class FallbackPolicyTests
{
    private static IntentPrediction Ranked(params double[] probabilities) =>
        new(probabilities.Select((p, i) => new IntentScore($"intent{i}", p)).ToArray());

    [Theory]
    [InlineData(0.39, false)]
    [InlineData(0.40, true)]
    [InlineData(0.95, true)]
    public void The_threshold_alone_decides_when_the_margin_is_off(double top, bool accepted)
    {
        Assert.Equal(accepted, new FallbackPolicy(0.4).Accepts(Ranked(top, (1 - top) / 2, (1 - top) / 2)));
    }

    [Theory]
    [InlineData(0.50, 0.45, false)]
    [InlineData(0.50, 0.39, true)]
    [InlineData(0.60, 0.45, true)]
    public void A_second_intent_too_close_behind_the_first_falls_back(double top, double second, bool accepted)
    {
        Assert.Equal(accepted, new FallbackPolicy(0.3, AmbiguityMargin: 0.1).Accepts(Ranked(top, second, 1 - top - second)));
    }

    [Fact]
    public void The_margin_does_not_rescue_a_prediction_below_the_threshold()
    {
        Assert.False(new FallbackPolicy(0.6, AmbiguityMargin: 0.1).Accepts(Ranked(0.55, 0.05, 0.4)));
    }

    [Fact]
    public void A_model_of_one_ranked_intent_has_no_ambiguity()
    {
        Assert.True(new FallbackPolicy(0.5, AmbiguityMargin: 0.5).Accepts(Ranked(0.9)));
    }

    [Fact]
    public void A_prediction_of_the_fallback_intent_itself_falls_back_however_confident()
    {
        IntentPrediction outOfScope = new([new IntentScore(Definitions.SystemIntents.Fallback, 0.97), new IntentScore("greet", 0.03)]);

        Assert.False(new FallbackPolicy(0.4).Accepts(outOfScope));
    }
}
