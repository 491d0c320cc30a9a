namespace ChatbotPipeline.Nlu.Entities.Learned;

/// <summary>
/// Trains an <see cref="EntityTagger"/> with the averaged structured perceptron (Collins, 2002): decode each
/// sentence with the current weights, and where the path differs from the annotation, move the weights towards the
/// annotated tags. Averaging the weights over all steps is what makes the perceptron generalize.
/// </summary>
public sealed class EntityTaggerTrainer(int epochs = 10, int minFeatureCount = 1, int seed = 1)
{
    /// <summary>Trains on the sentences; null when none of them has an annotated entity (nothing to learn).</summary>
    public EntityTagger? Train(IReadOnlyList<AnnotatedSentence> sentences)
    {
        var tags = new List<string> { "O" };
        foreach (var type in sentences.SelectMany(s => s.Entities).Select(e => e.Entity).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            tags.Add("B-" + type);
            tags.Add("I-" + type);
        }
        if (tags.Count == 1)
            return null;
        var tagIds = tags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);

        var examples = new List<(ulong[][] Features, int[] Gold)>(sentences.Count);
        var counts = new Dictionary<ulong, int>();
        foreach (var sentence in sentences)
        {
            var tokens = EntityTokenizer.Tokenize(sentence.Text);
            if (tokens.Count == 0)
                continue;
            var features = TokenFeatures.Extract(sentence.Text, tokens);
            foreach (var token in features)
                foreach (var f in token)
                    counts[f] = counts.GetValueOrDefault(f) + 1;
            examples.Add((features, GoldTags(tokens, sentence.Entities, tagIds)));
        }
        var rows = new Dictionary<ulong, int>();
        foreach (var (feature, count) in counts.OrderBy(p => p.Key))
            if (count >= minFeatureCount)
                rows[feature] = rows.Count;

        var tagArray = tags.ToArray();
        var t = tagArray.Length;
        var weights = new Averaged(rows.Count * t);
        var transitions = new Averaged((t + 1) * t);
        var model = new EntityTagger(tagArray, rows, weights.Current, transitions.Current);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var (features, gold) = examples[index];
                var predicted = model.Viterbi(model.Emissions(features), gold.Length);
                for (var i = 0; i < gold.Length; i++)
                {
                    var previousGold = i == 0 ? t : gold[i - 1];
                    var previousPredicted = i == 0 ? t : predicted[i - 1];
                    if (gold[i] == predicted[i] && previousGold == previousPredicted)
                        continue;
                    transitions.Add(previousGold * t + gold[i], 1f);
                    transitions.Add(previousPredicted * t + predicted[i], -1f);
                    if (gold[i] == predicted[i])
                        continue;
                    foreach (var f in features[i])
                        if (rows.TryGetValue(f, out var row))
                        {
                            weights.Add(row * t + gold[i], 1f);
                            weights.Add(row * t + predicted[i], -1f);
                        }
                }
                weights.Tick();
                transitions.Tick();
            }
        }
        return new EntityTagger(tagArray, rows, weights.Average(), transitions.Average());
    }

    private static int[] GoldTags(List<Token> tokens, IReadOnlyList<EntitySpan> entities, Dictionary<string, int> tagIds)
    {
        var gold = new int[tokens.Count];
        foreach (var entity in entities)
        {
            var first = true;
            for (var i = 0; i < tokens.Count; i++)
                if (tokens[i].Start >= entity.Start && tokens[i].End <= entity.End)
                {
                    gold[i] = tagIds[(first ? "B-" : "I-") + entity.Entity];
                    first = false;
                }
        }
        return gold;
    }

    /// <summary>Weights with their running average kept cheaply: average = current − (Σ step·update) / steps.</summary>
    private sealed class Averaged(int size)
    {
        public readonly float[] Current = new float[size];
        private readonly double[] _stamped = new double[size];
        private long _step = 1;

        public void Add(int index, float delta)
        {
            Current[index] += delta;
            _stamped[index] += _step * (double)delta;
        }

        public void Tick() => _step++;

        public float[] Average()
        {
            var average = new float[Current.Length];
            for (var i = 0; i < average.Length; i++)
                average[i] = (float)(Current[i] - _stamped[i] / _step);
            return average;
        }
    }
}
