namespace ChatbotPipeline.Bench.Bots;

/// <summary>Ranks 0..n-1 drawn with probability ∝ 1/(rank+1)^s: a few bots get most messages, most bots a few.</summary>
internal sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int n, double s = 1.0)
    {
        _cumulative = new double[n];
        var sum = 0.0;
        for (var rank = 0; rank < n; rank++)
            _cumulative[rank] = sum += 1 / Math.Pow(rank + 1, s);
        for (var rank = 0; rank < n; rank++)
            _cumulative[rank] /= sum;
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
