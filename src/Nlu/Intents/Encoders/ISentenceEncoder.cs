namespace ChatbotPipeline.Nlu.Intents.Encoders;

/// <summary>Turns sentences into fixed-size, L2-normalized vectors whose closeness follows meaning; deterministic and thread-safe.</summary>
public interface ISentenceEncoder
{
    /// <summary>The name bots choose it by (<c>minilm-int8</c>) and manifests record.</summary>
    string Name { get; }

    /// <summary>A hash of the weights: a model is only ever served with the exact encoder it was trained with.</summary>
    string WeightsHash { get; }

    int Dimension { get; }

    /// <summary>The scale of its block against the n-gram blocks when a bot names none, chosen on CLINC150's validation split.</summary>
    float DefaultWeight { get; }

    /// <summary>One vector per text, in order.</summary>
    float[][] Encode(IReadOnlyList<string> texts);
}
