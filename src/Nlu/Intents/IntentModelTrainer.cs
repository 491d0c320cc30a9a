using System.Diagnostics;
using ChatbotPipeline.Nlu.Intents.Encoders;
using ChatbotPipeline.Nlu.Intents.Features;
using ChatbotPipeline.Nlu.Text;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>
/// Trains intent models: TF-IDF word and character n-grams into a linear ML.NET classifier. A stratified share of
/// the phrases is held out first to measure accuracy and fit the confidence calibration; the published model is then
/// fitted on all phrases with that calibration.
/// </summary>
public sealed class IntentModelTrainer(IntentTrainingSettings? settings = null)
{
    /// <summary>Intents need this many phrases before one of them is held out for evaluation.</summary>
    private const int MinPhrasesToHoldOut = 4;

    public IntentTrainingSettings Settings { get; } = settings ?? IntentTrainingSettings.Default;

    /// <summary>Trains on the examples; needs at least two intents, since a classifier of one intent knows nothing.</summary>
    /// <exception cref="InvalidTrainingDataException">Fewer than two intents have examples.</exception>
    public TrainedIntentModel Train(IReadOnlyList<IntentExample> examples)
    {
        var labels = examples.Select(e => e.Intent).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
            throw new InvalidTrainingDataException($"Training needs phrases for at least two intents; found {labels.Length}.");

        var stopwatch = Stopwatch.StartNew();
        var labelIds = labels.Select((label, id) => (label, id)).ToDictionary(p => p.label, p => p.id, StringComparer.Ordinal);
        var texts = examples.Select(e => TextNormalizer.Normalize(e.Text)).ToArray();
        var ids = examples.Select(e => labelIds[e.Intent]).ToArray();
        // Each phrase is encoded once (the costly part), from its own words: the encoder knows case and numbers.
        var encoder = SentenceEncoders.Get(Settings.Encoder) is { } found ? new EncoderBlock(found, Settings.EncoderWeight ?? found.DefaultWeight) : null;
        var encoded = encoder?.Encoder.Encode(examples.Select(e => e.Text).ToArray());

        var (fit, holdout) = Split(ids);
        Evaluation? evaluation = null;
        if (holdout.Count > 0)
        {
            var heldOutModel = Fit(fit.Select(i => texts[i]).ToList(), fit.Select(i => ids[i]).ToList(), labels, encoder, encoded is null ? null : [.. fit.Select(i => encoded[i])]);
            evaluation = Evaluate(heldOutModel, holdout.Select(i => examples[i]).ToList());
        }
        var model = Fit(texts, ids, labels, encoder, encoded);
        // A small bot's holdout is too small to calibrate on: its confidences come from folds over all its phrases.
        var temperature = holdout.Count >= TemperatureFit.MinExamples ? evaluation!.Temperature
            : CrossValidatedTemperature(examples, texts, ids, labels, encoder, encoded);
        model = new IntentModel(model.Featurizer, model.Classifier.WithTemperature(temperature), model.EncoderBlock, model.Phrases);

        var metrics = new IntentModelMetrics(examples.Count, labels.Length, holdout.Count, evaluation?.Accuracy,
            temperature, model.Featurizer.Dimension, stopwatch.Elapsed.TotalSeconds, encoder?.Encoder.WeightsHash);
        return new TrainedIntentModel(model, metrics);
    }

    private IntentModel Fit(IReadOnlyList<string> normalizedTexts, IReadOnlyList<int> ids, string[] labels, EncoderBlock? encoder, float[][]? encoded)
    {
        var featurizer = IntentFeaturizer.Fit(normalizedTexts, Settings.Features);
        var vectors = new List<SparseVector>(normalizedTexts.Count);
        for (var i = 0; i < normalizedTexts.Count; i++)
        {
            // Featurize returns per-thread scratch arrays: keep a copy of each training vector.
            var v = featurizer.Featurize(normalizedTexts[i]);
            vectors.Add(encoder is null
                ? new SparseVector(v.IndexSpan.ToArray(), v.ValueSpan.ToArray(), v.Count)
                : encoder.Append(v, encoded![i], featurizer.Dimension));
        }
        var dimension = featurizer.Dimension + (encoder?.Encoder.Dimension ?? 0);
        var classifier = Settings.Algorithm switch
        {
            IntentClassifierAlgorithm.LinearSvm => DualCoordinateSvmTrainer.Train(vectors, ids, labels, dimension, Settings),
            _ => MlNetLinearTrainer.Train(vectors, ids, labels, dimension, Settings),
        };
        return new IntentModel(featurizer, classifier, encoder, encoded is null ? null : new PhraseVectors(encoded, [.. ids]));
    }

    /// <summary>A stratified split: every intent with enough phrases gives the same share to the holdout.</summary>
    private (List<int> Fit, List<int> Holdout) Split(int[] ids)
    {
        var fit = new List<int>(ids.Length);
        var holdout = new List<int>();
        if (Settings.HoldoutFraction <= 0)
        {
            fit.AddRange(Enumerable.Range(0, ids.Length));
            return (fit, holdout);
        }
        var random = new Random(Settings.Seed);
        foreach (var group in Enumerable.Range(0, ids.Length).GroupBy(i => ids[i]))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            var take = members.Length < MinPhrasesToHoldOut ? 0 : Math.Max(1, (int)Math.Round(members.Length * Settings.HoldoutFraction));
            holdout.AddRange(members[..take]);
            fit.AddRange(members[take..]);
        }
        fit.Sort();
        holdout.Sort();
        return (fit, holdout);
    }

    /// <summary>
    /// Temperature from out-of-fold scores: each phrase scored by a model fitted without its fold (folds stratified by
    /// intent). Small bots fit in milliseconds, so this costs little where it is used; 1 below the minimum phrases.
    /// </summary>
    private float CrossValidatedTemperature(IReadOnlyList<IntentExample> examples, string[] texts, int[] ids, string[] labels, EncoderBlock? encoder,
        float[][]? encoded)
    {
        const int Folds = 5;
        if (examples.Count < TemperatureFit.MinExamples)
            return 1f;
        var fold = new int[ids.Length];
        var random = new Random(Settings.Seed);
        foreach (var group in Enumerable.Range(0, ids.Length).GroupBy(i => ids[i]))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
                fold[members[k]] = k % Folds;
        }
        var logits = new List<float[]>();
        var truth = new List<int>();
        for (var f = 0; f < Folds; f++)
        {
            var train = Enumerable.Range(0, ids.Length).Where(i => fold[i] != f).ToList();
            var test = Enumerable.Range(0, ids.Length).Where(i => fold[i] == f).ToList();
            if (test.Count == 0 || train.Select(i => ids[i]).Distinct().Count() < 2)
                continue;
            var model = Fit(train.Select(i => texts[i]).ToList(), train.Select(i => ids[i]).ToList(), labels, encoder, encoded is null ? null : [.. train.Select(i => encoded[i])]);
            foreach (var i in test)
            {
                var scores = new float[labels.Length];
                model.Classifier.Score(model.Features(examples[i].Text, encoded?[i]), scores);
                logits.Add(scores);
                truth.Add(ids[i]);
            }
        }
        return TemperatureFit.Fit(logits, truth);
    }

    private static Evaluation Evaluate(IntentModel model, IReadOnlyList<IntentExample> holdout)
    {
        var classes = model.Intents.Count;
        var logits = new float[holdout.Count][];
        var truth = new int[holdout.Count];
        var correct = 0;
        for (var i = 0; i < holdout.Count; i++)
        {
            logits[i] = new float[classes];
            model.Classifier.Score(model.Features(holdout[i].Text), logits[i]);
            truth[i] = Array.IndexOf(model.Classifier.Labels, holdout[i].Intent);
            if (truth[i] >= 0 && ArgMax(logits[i]) == truth[i])
                correct++;
        }
        return new Evaluation(correct / (double)holdout.Count, TemperatureFit.Fit(logits, truth));
    }

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[best])
                best = i;
        return best;
    }

    private sealed record Evaluation(double Accuracy, float Temperature);
}

/// <summary>A freshly trained model and how it did.</summary>
public sealed record TrainedIntentModel(IntentModel Model, IntentModelMetrics Metrics);

/// <summary>Figures about a training run, kept in the model's manifest.</summary>
/// <param name="HoldoutExamples">Phrases held out of the evaluation fit (stratified by intent).</param>
/// <param name="HoldoutAccuracy">Intent accuracy on those phrases, by a model fitted without them; null when no intent had enough phrases to hold one out.</param>
/// <param name="Temperature">Softmax temperature fitted on the holdout so confidences are calibrated.</param>
/// <param name="Features">Size of the feature vocabulary.</param>
/// <param name="EncoderWeightsHash">The weights of the sentence encoder the model was trained with (null: none).</param>
public sealed record IntentModelMetrics(
    int Examples, int Intents, int HoldoutExamples, double? HoldoutAccuracy, float Temperature, int Features, double TrainingSeconds,
    string? EncoderWeightsHash = null);

/// <summary>The training data cannot produce a model; retrying will not help until the data changes.</summary>
public sealed class InvalidTrainingDataException(string message) : Exception(message);
