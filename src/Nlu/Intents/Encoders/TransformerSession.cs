using System.Buffers;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace ChatbotPipeline.Nlu.Intents.Encoders;

/// <summary>
/// A BERT-style sentence transformer run the way a chat pipeline calls it: one message at a time from several
/// consumers at once. Each call runs on its caller's thread (one intra-op thread: a dozen tokens are too little work to
/// split, and the consumers already use the cores), one sentence per run, never padded. Vectors are the mean of the
/// last hidden state over the sentence's tokens, L2-normalized, as sentence-transformers pools all-MiniLM-L6-v2.
/// </summary>
public sealed class TransformerSession : IDisposable
{
    /// <summary>all-MiniLM-L6-v2 was trained on at most 256 tokens; longer input is cut there (its [SEP] kept).</summary>
    public const int MaxTokens = 256;
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _outputNames;

    public TransformerSession(byte[] graph, Stream vocabulary, int dimension)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Every sentence length is its own shape: a memory plan cached per shape would only grow.
            EnableMemoryPattern = false,
        };
        _session = new InferenceSession(graph, options);
        _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
        _outputNames = [_session.OutputNames[0]];
        Dimension = dimension;
    }

    public int Dimension { get; }

    /// <summary>The token ids the transformer sees for <paramref name="text"/>, [CLS] and [SEP] included.</summary>
    public int[] Tokenize(string text)
    {
        var ids = _tokenizer.EncodeToIds(AccentFolding.Fold(text));
        if (ids.Count <= MaxTokens)
            return [.. ids];
        var cut = ids.Take(MaxTokens - 1).ToList();
        cut.Add(ids[^1]);
        return [.. cut];
    }

    /// <summary>
    /// One run per sentence, whatever the number of sentences: an int8 graph quantizes its activations per run, so a
    /// sentence's vector would depend on the batch it came in (and training on others than serving uses). Many
    /// sentences (training) are spread over the cores.
    /// </summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];
        if (texts.Count == 1)
        {
            vectors[0] = Run(Tokenize(texts[0]));
            return vectors;
        }
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => vectors[i] = Run(Tokenize(texts[i])));
        return vectors;
    }

    private float[] Run(int[] tokens)
    {
        var length = tokens.Length;
        var ids = ArrayPool<long>.Shared.Rent(length);
        var mask = ArrayPool<long>.Shared.Rent(length);
        var types = ArrayPool<long>.Shared.Rent(length);
        try
        {
            for (var t = 0; t < length; t++)
            {
                ids[t] = tokens[t];
                mask[t] = 1;
                types[t] = 0;
            }
            long[] shape = [1, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, length), shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, length), shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, types.AsMemory(0, length), shape);
            using var run = new RunOptions();
            using var outputs = _session.Run(run, InputNames, [idsValue, maskValue, typesValue], _outputNames);
            return MeanOfTokens(outputs[0].GetTensorDataAsSpan<float>(), length);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(types);
        }
    }

    /// <summary>The mean of the tokens' last hidden states, L2-normalized.</summary>
    private float[] MeanOfTokens(ReadOnlySpan<float> hidden, int length)
    {
        var vector = new float[Dimension];
        for (var t = 0; t < length; t++)
            TensorPrimitives.Add(vector, hidden.Slice(t * Dimension, Dimension), vector);
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
            TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    public void Dispose() => _session.Dispose();
}
