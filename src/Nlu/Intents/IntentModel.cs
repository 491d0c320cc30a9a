using System.Collections.Concurrent;
using ChatbotPipeline.Nlu.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>A trained intent classifier; thread-safe, so one instance serves every consumer thread.</summary>
public sealed class IntentModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly string[] _labels;
    private readonly ConcurrentBag<PredictionEngine<IntentInputRow, IntentOutputRow>> _engines = [];

    internal IntentModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        _ml = ml;
        _transformer = transformer;
        _inputSchema = inputSchema;
        var engine = CreateEngine();
        _labels = ReadLabels(engine);
        _engines.Add(engine);
    }

    /// <summary>The intents this model can tell apart.</summary>
    public IReadOnlyList<string> Intents => _labels;

    /// <summary>Ranks the model's intents for an utterance.</summary>
    public IntentPrediction Predict(string text)
    {
        // PredictionEngine is not thread-safe: each caller borrows one and gives it back.
        var engine = _engines.TryTake(out var pooled) ? pooled : CreateEngine();
        try
        {
            var scores = engine.Predict(new IntentInputRow { Text = TextNormalizer.Normalize(text) }).Score;
            var ranking = new IntentScore[scores.Length];
            for (var i = 0; i < scores.Length; i++)
                ranking[i] = new IntentScore(_labels[i], scores[i]);
            Array.Sort(ranking, static (a, b) => b.Probability.CompareTo(a.Probability));
            return new IntentPrediction(ranking);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>Writes the model in ML.NET's zip format.</summary>
    public void Save(Stream destination) => _ml.Model.Save(_transformer, _inputSchema, destination);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static IntentModel Load(Stream source)
    {
        var ml = new MLContext(seed: 1);
        var transformer = ml.Model.Load(source, out var inputSchema);
        return new IntentModel(ml, transformer, inputSchema);
    }

    private PredictionEngine<IntentInputRow, IntentOutputRow> CreateEngine() =>
        _ml.Model.CreatePredictionEngine<IntentInputRow, IntentOutputRow>(_transformer, _inputSchema);

    private static string[] ReadLabels(PredictionEngine<IntentInputRow, IntentOutputRow> engine)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}
