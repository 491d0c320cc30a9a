namespace ChatbotPipeline.Cli.Evaluation;

/// <summary>Precision, recall and F1 of one intent (or of entities, micro-averaged).</summary>
public sealed record Score(string Name, int Support, double Precision, double Recall, double F1)
{
    public static Score Of(string name, int truePositives, int predicted, int actual)
    {
        var precision = predicted == 0 ? 0 : truePositives / (double)predicted;
        var recall = actual == 0 ? 0 : truePositives / (double)actual;
        return new Score(name, actual, precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }
}

/// <summary>Two intents the model mixed up: how often <see cref="Expected"/> was taken for <see cref="Predicted"/>.</summary>
public sealed record Confusion(string Expected, string Predicted, int Count);

/// <summary>What <c>chatbot test</c> reports: accuracy, a score per intent, the pairs most confused, entity F1, and the misses.</summary>
public sealed record EvaluationReport(string Bot, string Method, int Phrases, double Accuracy, IReadOnlyList<Score> Intents,
    IReadOnlyList<Confusion> Confusions, Score? Entities, IReadOnlyList<Prediction> Errors)
{
    public static EvaluationReport From(string bot, string method, IReadOnlyList<Prediction> predictions)
    {
        var intents = predictions.Select(p => p.Expected).Concat(predictions.Select(p => p.Predicted)).Distinct().Order(StringComparer.Ordinal)
            .Select(intent => Score.Of(intent, predictions.Count(p => p.Expected == intent && p.Predicted == intent),
                predictions.Count(p => p.Predicted == intent), predictions.Count(p => p.Expected == intent)))
            .ToList();
        var confusions = predictions.Where(p => p.Expected != p.Predicted).GroupBy(p => (p.Expected, p.Predicted))
            .Select(g => new Confusion(g.Key.Expected, g.Key.Predicted, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Expected, StringComparer.Ordinal)
            .ToList();
        var annotated = predictions.Where(p => p.ExpectedEntities.Count > 0 || p.FoundEntities.Count > 0).ToList();
        var entities = predictions.Any(p => p.ExpectedEntities.Count > 0)
            ? Score.Of("entities", annotated.Sum(p => p.FoundEntities.Count(p.ExpectedEntities.Contains)),
                annotated.Sum(p => p.FoundEntities.Count), annotated.Sum(p => p.ExpectedEntities.Count))
            : null;
        var accuracy = predictions.Count == 0 ? 0 : predictions.Count(p => p.Expected == p.Predicted) / (double)predictions.Count;
        return new EvaluationReport(bot, method, predictions.Count, accuracy, intents, confusions, entities,
            [.. predictions.Where(p => p.Expected != p.Predicted)]);
    }
}
