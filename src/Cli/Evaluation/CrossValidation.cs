using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Entities.Learned;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Cli.Evaluation;

/// <summary>
/// Evaluates a bot's NLU on its own phrases, as the trainer would fit it: stratified k-fold cross-validation (every
/// phrase is predicted once by a model that never saw it), or train on all phrases and predict a test file.
/// </summary>
public sealed class CrossValidation(IntentTrainingSettings settings, int seed = 1)
{
    /// <param name="progress">Called with the fold finished and the number of folds.</param>
    public IReadOnlyList<Prediction> Folds(LabelledPhrases phrases, int folds, Action<int, int>? progress = null)
    {
        var random = new Random(seed);
        // Stratified: each intent's phrases are dealt round-robin after a shuffle, so every fold has its share.
        var foldOf = new int[phrases.Examples.Count];
        foreach (var intent in Enumerable.Range(0, phrases.Examples.Count).GroupBy(i => phrases.Examples[i].Intent))
        {
            var shuffled = intent.ToArray();
            random.Shuffle(shuffled);
            for (var j = 0; j < shuffled.Length; j++)
                foldOf[shuffled[j]] = j % folds;
        }
        var predictions = new List<Prediction>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Enumerable.Range(0, foldOf.Length).Where(i => foldOf[i] != fold).ToList();
            var test = Enumerable.Range(0, foldOf.Length).Where(i => foldOf[i] == fold).ToList();
            if (test.Count == 0)
                continue;
            var (model, tagger) = Fit(new LabelledPhrases([.. train.Select(i => phrases.Examples[i])], [.. train.Select(i => phrases.Annotated[i])]));
            predictions.AddRange(test.Select(i => Predict(model, tagger, phrases.Examples[i], phrases.Annotated[i].Entities)));
            progress?.Invoke(fold + 1, folds);
        }
        return predictions;
    }

    /// <summary>Trains on every phrase and predicts each test line.</summary>
    public IReadOnlyList<Prediction> Holdout(LabelledPhrases phrases, IReadOnlyList<IntentExample> test)
    {
        var (model, tagger) = Fit(phrases);
        return [.. test.Select(example => Predict(model, tagger, example, []))];
    }

    private (IntentModel Model, EntityTagger? Tagger) Fit(LabelledPhrases phrases) =>
        (new IntentModelTrainer(settings).Train(phrases.Examples).Model,
         phrases.Annotated.Any(a => a.Entities.Count > 0) ? new EntityTaggerTrainer().Train(phrases.Annotated) : null);

    private static Prediction Predict(IntentModel model, EntityTagger? tagger, IntentExample example, IReadOnlyList<EntitySpan> expected)
    {
        var top = model.Predict(example.Text).Top;
        var found = tagger?.Extract(example.Text).Select(e => new EntitySpan(e.Entity, e.Start, e.End)).ToList() ?? [];
        return new Prediction(example.Text, example.Intent, top.Intent, top.Probability, expected, found);
    }
}
