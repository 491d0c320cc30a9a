namespace ChatbotPipeline.Nlu.Intents;

/// <summary>
/// Temperature scaling (Guo et al., 2017): the one softmax temperature that minimizes the negative log-likelihood
/// of held-out labels. It changes confidences, never the ranking.
/// </summary>
public static class TemperatureFit
{
    /// <summary>Below this many held-out phrases the fit says more about the sample than the model: keep T = 1.</summary>
    public const int MinExamples = 30;

    // Bounds keep a holdout the model gets entirely right from driving T towards 0 (certainty it has not earned).
    private const double MinTemperature = 0.05, MaxTemperature = 20;

    public static float Fit(IReadOnlyList<float[]> logits, IReadOnlyList<int> truth)
    {
        if (logits.Count < MinExamples)
            return 1f;
        // The likelihood is unimodal in log T: a golden-section search over the bounds needs no gradient.
        double low = Math.Log(MinTemperature), high = Math.Log(MaxTemperature);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = high - ratio * (high - low);
        var b = low + ratio * (high - low);
        double fa = Loss(Math.Exp(a)), fb = Loss(Math.Exp(b));
        for (var i = 0; i < 60; i++)
        {
            if (fa < fb)
            {
                high = b;
                b = a;
                fb = fa;
                a = high - ratio * (high - low);
                fa = Loss(Math.Exp(a));
            }
            else
            {
                low = a;
                a = b;
                fa = fb;
                b = low + ratio * (high - low);
                fb = Loss(Math.Exp(b));
            }
        }
        return (float)Math.Exp((low + high) / 2);

        double Loss(double temperature)
        {
            double total = 0;
            var counted = 0;
            for (var i = 0; i < logits.Count; i++)
            {
                if (truth[i] < 0)
                    continue;
                var row = logits[i];
                double max = double.NegativeInfinity;
                foreach (var z in row)
                    max = Math.Max(max, z / temperature);
                double sum = 0;
                foreach (var z in row)
                    sum += Math.Exp(z / temperature - max);
                total += max + Math.Log(sum) - row[truth[i]] / temperature;
                counted++;
            }
            return counted == 0 ? 0 : total / counted;
        }
    }
}
