using System.Diagnostics;
using ChatbotPipeline.Nlu.Text;
using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>Trains intent models: word and character n-grams into a maximum-entropy classifier.</summary>
public sealed class IntentModelTrainer
{
    /// <summary>Trains on the examples; needs at least two intents, since a classifier of one intent knows nothing.</summary>
    /// <exception cref="InvalidTrainingDataException">Fewer than two intents have examples.</exception>
    public TrainedIntentModel Train(IReadOnlyList<IntentExample> examples)
    {
        var intents = examples.Select(e => e.Intent).Distinct().Count();
        if (intents < 2)
            throw new InvalidTrainingDataException($"Training needs phrases for at least two intents; found {intents}.");

        var stopwatch = Stopwatch.StartNew();
        var ml = new MLContext(seed: 1);
        var rows = examples.Select(e => new IntentInputRow { Text = TextNormalizer.Normalize(e.Text), Label = e.Intent }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var transformer = BuildPipeline(ml).Fit(data);
        var model = new IntentModel(ml, transformer, data.Schema);
        var accuracy = examples.Count(e => model.Predict(e.Text).Top.Intent == e.Intent) / (double)examples.Count;
        var metrics = new IntentModelMetrics(examples.Count, intents, accuracy, stopwatch.Elapsed.TotalSeconds);
        return new TrainedIntentModel(model, metrics);
    }

    private static IEstimator<ITransformer> BuildPipeline(MLContext ml)
    {
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepPunctuations = false,
            KeepDiacritics = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        return ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(IntentInputRow.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }));
    }
}

/// <summary>A freshly trained model and how it did on its training data.</summary>
public sealed record TrainedIntentModel(IntentModel Model, IntentModelMetrics Metrics);

/// <summary>Figures about a training run, kept in the model's manifest.</summary>
/// <param name="TrainingAccuracy">Accuracy on the training phrases themselves: a sanity check, not an estimate of accuracy on new text.</param>
public sealed record IntentModelMetrics(int Examples, int Intents, double TrainingAccuracy, double TrainingSeconds);

/// <summary>The training data cannot produce a model; retrying will not help until the data changes.</summary>
public sealed class InvalidTrainingDataException(string message) : Exception(message);
