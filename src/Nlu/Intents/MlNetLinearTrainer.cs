using ChatbotPipeline.Nlu.Intents.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>
/// Fits the linear weights with an ML.NET trainer on vectors from <see cref="IntentFeaturizer"/>, then copies the
/// weights out: scoring a sparse vector against them directly is several times faster than a prediction engine.
/// </summary>
internal static class MlNetLinearTrainer
{
    public static LinearIntentClassifier Train(
        IReadOnlyList<SparseVector> vectors, IReadOnlyList<int> labels, string[] labelNames, int dimension, IntentTrainingSettings settings)
    {
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), labelNames.Length);
        var rows = vectors.Select((v, i) => new Row
        {
            Features = new VBuffer<float>(dimension, v.Count, v.Values[..v.Count], v.Indices[..v.Count]),
            // The enumerable loader takes a key field as the zero-based class index.
            Label = (uint)labels[i],
        });
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        if (settings.Algorithm != IntentClassifierAlgorithm.MaximumEntropyLbfgs)
            data = ml.Data.ShuffleRows(data, seed: 1);
        data = ml.Data.Cache(data);

        var weights = new float[dimension * labelNames.Length];
        var biases = new float[labelNames.Length];
        switch (settings.Algorithm)
        {
            case IntentClassifierAlgorithm.MaximumEntropySdca:
                CopyMulticlass(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    NumberOfThreads = settings.Threads,
                    L2Regularization = settings.L2Regularization,
                    MaximumNumberOfIterations = settings.MaximumIterations,
                }).Fit(data).Model, weights, biases, labelNames.Length);
                break;
            case IntentClassifierAlgorithm.MaximumEntropyLbfgs:
                CopyMulticlass(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    NumberOfThreads = settings.Threads,
                    L2Regularization = settings.L2Regularization ?? 1e-4f,
                    L1Regularization = 0,
                    HistorySize = 10,
                    MaximumNumberOfIterations = settings.MaximumIterations ?? 200,
                }).Fit(data).Model, weights, biases, labelNames.Length);
                break;
            case IntentClassifierAlgorithm.SupportVectorSdca:
                CopyMulticlass(ml.MulticlassClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedMulticlassTrainer.Options
                {
                    NumberOfThreads = settings.Threads,
                    L2Regularization = settings.L2Regularization,
                    MaximumNumberOfIterations = settings.MaximumIterations,
                    Loss = new HingeLoss(),
                }).Fit(data).Model, weights, biases, labelNames.Length);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Algorithm, "Unknown algorithm.");
        }
        return new LinearIntentClassifier(labelNames, weights, biases, temperature: 1f);
    }

    private static void CopyMulticlass(LinearMulticlassModelParametersBase model, float[] weights, float[] biases, int classes)
    {
        VBuffer<float>[] perClass = [];
        model.GetWeights(ref perClass, out _);
        var modelBiases = model.GetBiases().ToArray();
        for (var c = 0; c < classes; c++)
        {
            biases[c] = modelBiases[c];
            CopyRow(perClass[c], weights, c, classes);
        }
    }

    private static void CopyRow(VBuffer<float> row, float[] weights, int c, int classes)
    {
        var values = row.GetValues();
        if (row.IsDense)
        {
            for (var f = 0; f < values.Length; f++)
                weights[f * classes + c] = values[f];
            return;
        }
        var indices = row.GetIndices();
        for (var k = 0; k < indices.Length; k++)
            weights[indices[k] * classes + c] = values[k];
    }

    private sealed class Row
    {
        public VBuffer<float> Features;
        public uint Label;
    }
}
