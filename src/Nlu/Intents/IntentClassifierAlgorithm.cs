namespace ChatbotPipeline.Nlu.Intents;

/// <summary>The solver behind an intent model; all of them are linear, so inference is the same.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<IntentClassifierAlgorithm>))]
public enum IntentClassifierAlgorithm
{
    /// <summary>One-versus-rest linear SVMs solved by dual coordinate descent (our own solver): the most accurate and the fastest.</summary>
    LinearSvm,
    /// <summary>Multinomial logistic regression by stochastic dual coordinate ascent: fast, calibrated by construction.</summary>
    MaximumEntropySdca,
    /// <summary>Multinomial logistic regression by L-BFGS: slower, often a little more accurate.</summary>
    MaximumEntropyLbfgs,
    /// <summary>Multiclass linear SVM (hinge loss) by dual coordinate ascent; margins become probabilities through the fitted softmax.</summary>
    SupportVectorSdca,
}
