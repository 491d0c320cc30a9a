using System.Text;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Storage;

namespace ChatbotPipeline.Nlu.Entities.Learned;

/// <summary>
/// A learned entity recognizer: a first-order linear-chain model over BIO tags (begin, inside, outside of each
/// entity type) decoded with Viterbi, trained by <see cref="EntityTaggerTrainer"/> on a bot's annotated phrases.
/// Thread-safe and immutable.
/// </summary>
public sealed class EntityTagger
{
    public const string Extractor = "tagger";
    private const int Outside = 0;
    private static readonly byte[] Magic = "CBPTAG"u8.ToArray();
    private const int FormatVersion = 1;

    private readonly string[] _tags;
    private readonly Dictionary<ulong, int> _rows;
    private readonly float[] _emissions;
    private readonly float[] _transitions;
    private readonly bool[] _allowed;
    private readonly float[] _expTransitions;

    internal EntityTagger(string[] tags, Dictionary<ulong, int> rows, float[] emissions, float[] transitions)
    {
        _tags = tags;
        _rows = rows;
        _emissions = emissions;
        _transitions = transitions;
        _allowed = ChainDecoder.AllowedTransitions(tags);
        _expTransitions = ChainDecoder.ExpTransitions(transitions, _allowed);
    }

    /// <summary>The entity types this tagger knows.</summary>
    public IReadOnlyList<string> Entities => _tags.Where(t => t.StartsWith("B-", StringComparison.Ordinal)).Select(t => t[2..]).ToArray();


    /// <summary>Below this confidence a tagged span is more often noise than an entity, and is left out.</summary>
    public const double DefaultMinConfidence = 0.5;

    /// <summary>The entities in the text, with their exact character spans and a confidence in [0, 1].</summary>
    public IReadOnlyList<ExtractedEntity> Extract(string text, double minConfidence = DefaultMinConfidence)
    {
        var tokens = EntityTokenizer.Tokenize(text);
        if (tokens.Count == 0)
            return [];
        var scores = Emissions(TokenFeatures.Extract(text, tokens));
        var path = Viterbi(scores, tokens.Count);
        var marginals = ChainDecoder.Marginals(scores, _expTransitions, tokens.Count, _tags.Length);
        return Spans(text, tokens, path, marginals).Where(e => e.Confidence >= minConfidence).ToList();
    }

    internal float[] Emissions(ulong[][] features)
    {
        var tags = _tags.Length;
        var scores = new float[features.Length * tags];
        for (var i = 0; i < features.Length; i++)
            foreach (var feature in features[i])
                if (_rows.TryGetValue(feature, out var row))
                    System.Numerics.Tensors.TensorPrimitives.Add(scores.AsSpan(i * tags, tags), _emissions.AsSpan(row * tags, tags), scores.AsSpan(i * tags, tags));
        return scores;
    }

    /// <summary>The best tag sequence; tags that cannot follow each other (I-x after anything but B-x or I-x) never do.</summary>
    internal int[] Viterbi(float[] emissions, int length) => ChainDecoder.Decode(emissions, _transitions, length, _tags.Length, _allowed);

    private IEnumerable<ExtractedEntity> Spans(string text, List<Token> tokens, int[] path, float[] marginals)
    {
        for (var i = 0; i < path.Length;)
        {
            if (path[i] == Outside)
            {
                i++;
                continue;
            }
            var type = _tags[path[i]][2..];
            var j = i + 1;
            while (j < path.Length && _tags[path[j]] == "I-" + type)
                j++;
            var start = tokens[i].Start;
            var end = tokens[j - 1].End;
            yield return new ExtractedEntity(type, text[start..end], start, end, Confidence(marginals, _tags.Length, path, i, j), Extractor);
            i = j;
        }
    }

    // The mean over the span's tokens of each chosen tag's forward-backward marginal: near 1 when no other
    // tagging of those tokens came close, lower when one did.
    private static double Confidence(float[] marginals, int tags, int[] path, int from, int to)
    {
        double total = 0;
        for (var i = from; i < to; i++)
            total += marginals[i * tags + path[i]];
        return Math.Round(total / (to - from), 4);
    }

    public void Save(Stream destination)
    {
        using var writer = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(_tags.Length);
        foreach (var tag in _tags)
            writer.Write(tag);
        writer.Write(_rows.Count);
        foreach (var (feature, row) in _rows.OrderBy(p => p.Value))
            writer.Write(feature);
        FloatArrays.Write(writer, _emissions);
        FloatArrays.Write(writer, _transitions);
    }

    /// <exception cref="InvalidDataException">The stream is not a tagger of this format.</exception>
    public static EntityTagger Load(Stream source)
    {
        using var reader = new BinaryReader(source, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
                throw new InvalidDataException("Not an entity tagger of this version; retrain the bot to replace it.");
            var tags = new string[reader.ReadInt32()];
            for (var i = 0; i < tags.Length; i++)
                tags[i] = reader.ReadString();
            var count = reader.ReadInt32();
            var rows = new Dictionary<ulong, int>(count);
            for (var i = 0; i < count; i++)
                rows.Add(reader.ReadUInt64(), i);
            return new EntityTagger(tags, rows, FloatArrays.Read(reader), FloatArrays.Read(reader));
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The entity tagger is truncated.", exception);
        }
    }
}
