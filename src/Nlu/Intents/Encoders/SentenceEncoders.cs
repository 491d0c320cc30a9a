namespace ChatbotPipeline.Nlu.Intents.Encoders;

/// <summary>
/// The encoders this build has, by name. Each is created once per process on first use and shared by every host,
/// trainer and model in it: the ONNX session holds ~90 MB of weights and is thread-safe, so a second copy would only
/// cost memory (tests and the embedded default run several hosts in one process).
/// </summary>
public static class SentenceEncoders
{
    /// <summary>No encoder: n-grams only.</summary>
    public const string None = "none";

    // The int8 MiniLM: the float model's accuracy on CLINC150 and SNIPS at about half its cost per new sentence
    // (docs/BENCHMARKS.md); models trained with `minilm` keep being served by it.
    public const string Default = MiniLmInt8Encoder.EncoderName;

    private static readonly Lazy<ISentenceEncoder> MiniLm = new(() => new MiniLmEncoder(Math.Max(1, Environment.ProcessorCount)));

    private static readonly Lazy<ISentenceEncoder> MiniLmInt8 = new(() => new MiniLmInt8Encoder());

    private static readonly Lazy<ISentenceEncoder> StaticWords = new(() => new StaticWordEncoder((MiniLmEncoder)MiniLm.Value));

    public static IReadOnlyList<string> Names { get; } = [None, MiniLmInt8Encoder.EncoderName, MiniLmEncoder.EncoderName, StaticWordEncoder.EncoderName];

    /// <summary>The encoder of that name, or null for <see cref="None"/>.</summary>
    /// <exception cref="ArgumentException">This build has no encoder of that name.</exception>
    public static ISentenceEncoder? Get(string? name) => (name ?? Default) switch
    {
        None => null,
        MiniLmEncoder.EncoderName => MiniLm.Value,
        MiniLmInt8Encoder.EncoderName => MiniLmInt8.Value,
        StaticWordEncoder.EncoderName => StaticWords.Value,
        var unknown => throw new ArgumentException($"Unknown encoder '{unknown}'; this build has {string.Join(", ", Names)}."),
    };
}
