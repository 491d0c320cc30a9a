using ChatbotPipeline.Nlu.Intents.Features;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>Everything that decides how an intent model is trained; kept in the model manifest.</summary>
/// <param name="Cost">SVM misclassification cost C (larger fits the training phrases harder); only for <see cref="IntentClassifierAlgorithm.LinearSvm"/>.</param>
/// <param name="HoldoutFraction">Share of each intent's phrases held out to evaluate and calibrate before the final fit on all phrases.</param>
/// <param name="Encoder">The sentence encoder whose vectors join the n-grams (<c>minilm-int8</c>, <c>minilm</c>, <c>minilm-static</c>), or <c>none</c>.</param>
/// <param name="EncoderWeight">The encoder block's scale against the n-gram blocks (each of length 1); null: the encoder's own default.</param>
public sealed record IntentTrainingSettings(
    IntentFeatureSettings Features,
    IntentClassifierAlgorithm Algorithm = IntentClassifierAlgorithm.LinearSvm,
    float Cost = 1f,
    float? L2Regularization = null,
    int? MaximumIterations = null,
    int Threads = 2,
    double HoldoutFraction = 0.1,
    int Seed = 1,
    string Encoder = Encoders.SentenceEncoders.None,
    float? EncoderWeight = null)
{
    public static IntentTrainingSettings Default { get; } = new(IntentFeatureSettings.Default);
}
