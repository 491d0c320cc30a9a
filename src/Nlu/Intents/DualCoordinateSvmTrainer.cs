using ChatbotPipeline.Nlu.Intents.Features;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>
/// One-versus-rest linear SVMs with the squared hinge loss, solved in the dual by coordinate descent (Hsieh et al.,
/// ICML 2008 — the LIBLINEAR solver). On sparse TF-IDF vectors it converges in a few passes, where ML.NET's SDCA
/// needs minutes for less accuracy and L-BFGS needs ten times the time; intents train in parallel.
/// </summary>
internal static class DualCoordinateSvmTrainer
{
    /// <summary>Value of the constant feature that carries the bias (regularized like any weight, as in LIBLINEAR).</summary>
    private const float BiasFeature = 1f;

    public static LinearIntentClassifier Train(
        IReadOnlyList<SparseVector> vectors, IReadOnlyList<int> labels, string[] labelNames, int dimension, IntentTrainingSettings settings)
    {
        var classes = labelNames.Length;
        var cost = settings.Cost;
        var epochs = settings.MaximumIterations ?? 20;
        var perClass = new float[classes][];
        var biases = new float[classes];
        Parallel.For(0, classes, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Threads) }, c =>
        {
            perClass[c] = new float[dimension];
            biases[c] = TrainOne(vectors, labels, c, perClass[c], cost, epochs, settings.Seed + c);
        });

        var weights = new float[dimension * classes];
        for (var c = 0; c < classes; c++)
        {
            var row = perClass[c];
            for (var f = 0; f < dimension; f++)
                weights[f * classes + c] = row[f];
        }
        return new LinearIntentClassifier(labelNames, weights, biases, temperature: 1f);
    }

    private static float TrainOne(
        IReadOnlyList<SparseVector> vectors, IReadOnlyList<int> labels, int positive, float[] w,
        float cost, int epochs, int seed)
    {
        var n = vectors.Count;
        var squaredNorms = new float[n];
        for (var i = 0; i < n; i++)
        {
            float sum = BiasFeature * BiasFeature;
            var x = vectors[i];
            for (var k = 0; k < x.Count; k++)
            {
                sum += x.Values[k] * x.Values[k];
            }
            squaredNorms[i] = sum;
        }
        var alpha = new float[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
            order[i] = i;
        var diagonal = 1f / (2f * cost);
        float bias = 0;
        var random = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            float maxProjected = float.NegativeInfinity, minProjected = float.PositiveInfinity;
            foreach (var i in order)
            {
                var y = labels[i] == positive ? 1f : -1f;
                var x = vectors[i];
                var indices = x.IndexSpan;
                var values = x.ValueSpan;
                var margin = bias * BiasFeature;
                for (var k = 0; k < indices.Length; k++)
                    margin += w[indices[k]] * values[k];
                var gradient = y * margin - 1f + diagonal * alpha[i];
                var projected = alpha[i] == 0 ? Math.Min(gradient, 0f) : gradient;
                maxProjected = Math.Max(maxProjected, projected);
                minProjected = Math.Min(minProjected, projected);
                if (Math.Abs(projected) < 1e-12f)
                    continue;
                var old = alpha[i];
                alpha[i] = Math.Max(old - gradient / (squaredNorms[i] + diagonal), 0f);
                var step = (alpha[i] - old) * y;
                if (step == 0)
                    continue;
                for (var k = 0; k < indices.Length; k++)
                    w[indices[k]] += step * values[k];
                bias += step * BiasFeature;
            }
            // LIBLINEAR's stopping rule: the projected gradient has (almost) closed its gap.
            if (maxProjected - minProjected < 0.1f)
                break;
        }
        return bias * BiasFeature;
    }
}
