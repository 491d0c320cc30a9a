using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Bench.Nlu;

/// <summary>Micro-averaged precision, recall and F1 of entities: a hit needs the exact span and the same type.</summary>
internal sealed class EntityScores
{
    private int _truePositives, _predicted, _gold;

    public void Add(IReadOnlyList<AnnotatedEntity> gold, IReadOnlyList<ExtractedEntity> predicted)
    {
        var expected = gold.Select(g => (g.Entity, g.Start, g.End)).ToHashSet();
        _gold += expected.Count;
        _predicted += predicted.Count;
        _truePositives += predicted.Count(p => expected.Contains((p.Entity, p.Start, p.End)));
    }

    public double Precision => _predicted == 0 ? 0 : _truePositives / (double)_predicted;
    public double Recall => _gold == 0 ? 0 : _truePositives / (double)_gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public int Gold => _gold;
}
