using ChatbotPipeline.Nlu.Text;

namespace ChatbotPipeline.Nlu.Intents.Features;

/// <summary>
/// Turns utterances into TF-IDF vectors over the word and character n-grams seen in training. Each block is
/// L2-normalized and weighted, so a long utterance full of character n-grams does not drown its words.
/// Thread-safe: scratch space is per thread.
/// </summary>
internal sealed class IntentFeaturizer
{
    private readonly Dictionary<ulong, int> _index;
    private readonly float[] _idf;

    [ThreadStatic] private static Scratch? t_scratch;

    private IntentFeaturizer(IntentFeatureSettings settings, Dictionary<ulong, int> index, float[] idf)
    {
        Settings = settings;
        _index = index;
        _idf = idf;
    }

    public IntentFeatureSettings Settings { get; }

    /// <summary>Length of every vector: word features come first, character features after them.</summary>
    public int Dimension => _idf.Length;

    /// <summary>Learns the vocabulary and inverse document frequencies from the (already normalized) training texts.</summary>
    public static IntentFeaturizer Fit(IReadOnlyList<string> normalizedTexts, IntentFeatureSettings settings)
    {
        settings.Validate();
        var wordDocs = new Dictionary<ulong, int>();
        var charDocs = new Dictionary<ulong, int>();
        var words = new List<ulong>();
        var chars = new List<ulong>();
        foreach (var text in normalizedTexts)
        {
            words.Clear();
            chars.Clear();
            NgramExtractor.Extract(text, settings, words, chars);
            CountDocuments(words, wordDocs);
            CountDocuments(chars, charDocs);
        }

        var index = new Dictionary<ulong, int>(wordDocs.Count + charDocs.Count);
        var idf = new List<float>(wordDocs.Count + charDocs.Count);
        var documents = normalizedTexts.Count;
        // Sorted by hash so that the same data always yields the same feature order, hence the same model.
        foreach (var (hash, count) in wordDocs.OrderBy(p => p.Key))
            Add(hash, count);
        foreach (var (hash, count) in charDocs.OrderBy(p => p.Key))
            if (count >= settings.MinCharNgramCount)
                Add(hash, count);
        return new IntentFeaturizer(settings, index, idf.ToArray());

        void Add(ulong hash, int count)
        {
            index[hash] = idf.Count;
            idf.Add(MathF.Log((1f + documents) / (1f + count)) + 1f);
        }
    }

    /// <summary>The vector of a raw utterance; the returned arrays belong to the calling thread until its next call.</summary>
    public SparseVector Featurize(string text)
    {
        var scratch = t_scratch ??= new Scratch();
        scratch.Words.Clear();
        scratch.Chars.Clear();
        NgramExtractor.Extract(TextNormalizer.Normalize(text), Settings, scratch.Words, scratch.Chars);
        var count = 0;
        count = AddBlock(scratch.Words, Settings.WordWeight, scratch, count);
        count = AddBlock(scratch.Chars, Settings.CharWeight, scratch, count);
        return new SparseVector(scratch.Indices, scratch.Values, count);
    }

    private int AddBlock(List<ulong> hashes, float weight, Scratch scratch, int offset)
    {
        if (weight <= 0 || hashes.Count == 0)
            return offset;
        scratch.Ensure(offset + hashes.Count);
        var known = 0;
        var ids = scratch.Ids;
        foreach (var hash in hashes)
            if (_index.TryGetValue(hash, out var id))
                ids[known++] = id;
        if (known == 0)
            return offset;
        Array.Sort(ids, 0, known);

        // Sublinear term frequency: a word said twice is more, not twice, as telling.
        var count = offset;
        double norm = 0;
        for (var i = 0; i < known;)
        {
            var j = i;
            while (j < known && ids[j] == ids[i])
                j++;
            var value = (1f + MathF.Log(j - i)) * _idf[ids[i]];
            scratch.Indices[count] = ids[i];
            scratch.Values[count++] = value;
            norm += value * value;
            i = j;
        }
        var scale = weight / (float)Math.Sqrt(norm);
        for (var i = offset; i < count; i++)
            scratch.Values[i] *= scale;
        return count;
    }

    public void Write(BinaryWriter writer)
    {
        var s = Settings;
        writer.Write(s.WordNgramLength);
        writer.Write(s.CharNgramMin);
        writer.Write(s.CharNgramMax);
        writer.Write(s.WordWeight);
        writer.Write(s.CharWeight);
        writer.Write(s.MinCharNgramCount);
        writer.Write(_idf.Length);
        foreach (var (hash, id) in _index.OrderBy(p => p.Value))
        {
            writer.Write(hash);
            writer.Write(_idf[id]);
        }
    }

    public static IntentFeaturizer Read(BinaryReader reader)
    {
        var settings = new IntentFeatureSettings(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(),
            reader.ReadSingle(), reader.ReadSingle(), reader.ReadInt32());
        settings.Validate();
        var dimension = reader.ReadInt32();
        var index = new Dictionary<ulong, int>(dimension);
        var idf = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            index.Add(reader.ReadUInt64(), i);
            idf[i] = reader.ReadSingle();
        }
        return new IntentFeaturizer(settings, index, idf);
    }

    private static void CountDocuments(List<ulong> hashes, Dictionary<ulong, int> documents)
    {
        hashes.Sort();
        for (var i = 0; i < hashes.Count; i++)
            if (i == 0 || hashes[i] != hashes[i - 1])
                documents[hashes[i]] = documents.GetValueOrDefault(hashes[i]) + 1;
    }

    private sealed class Scratch
    {
        public readonly List<ulong> Words = new(64);
        public readonly List<ulong> Chars = new(512);
        public int[] Ids = new int[512];
        public int[] Indices = new int[1024];
        public float[] Values = new float[1024];

        public void Ensure(int size)
        {
            if (Ids.Length < size)
                Ids = new int[size * 2];
            if (Indices.Length < size)
            {
                Array.Resize(ref Indices, size * 2);
                Array.Resize(ref Values, size * 2);
            }
        }
    }
}
