using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Nlu.Tests.Intents;

public sealed class TemperatureFitTests
{
    // Three classes; the true class leads by `lead` on `right` of 100 rows and trails by the same on the rest.
    private static (float[][] Logits, int[] Truth) Rows(int right, float lead)
    {
        var logits = Enumerable.Range(0, 100).Select(i => i < right ? new[] { lead, 0f, 0f } : new[] { 0f, lead, 0f }).ToArray();
        return (logits, new int[100]);
    }

    [Fact]
    public void An_overconfident_model_is_softened_and_an_underconfident_one_sharpened()
    {
        var (overconfident, truth) = Rows(right: 70, lead: 10f);
        var (underconfident, _) = Rows(right: 99, lead: 0.5f);

        Assert.True(TemperatureFit.Fit(overconfident, truth) > 1f);
        Assert.True(TemperatureFit.Fit(underconfident, truth) < 1f);
    }

    [Fact]
    public void The_fitted_temperature_makes_confidence_match_accuracy()
    {
        var (logits, truth) = Rows(right: 80, lead: 10f);

        var temperature = TemperatureFit.Fit(logits, truth);

        // With the fitted temperature, the top probability of a row is about the share of rows that are right.
        var top = Math.Exp(10 / temperature) / (Math.Exp(10 / temperature) + 2);
        Assert.InRange(top, 0.75, 0.85);
    }

    [Fact]
    public void A_holdout_that_is_all_right_does_not_make_the_model_certain()
    {
        var (logits, truth) = Rows(right: 100, lead: 1f);

        Assert.Equal(0.05f, TemperatureFit.Fit(logits, truth), 3);
    }

    [Fact]
    public void Too_few_held_out_phrases_keep_the_raw_scores()
    {
        var (logits, truth) = Rows(right: 70, lead: 10f);

        Assert.Equal(1f, TemperatureFit.Fit(logits[..(TemperatureFit.MinExamples - 1)], truth[..(TemperatureFit.MinExamples - 1)]));
    }
}
