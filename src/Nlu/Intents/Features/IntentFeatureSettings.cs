namespace ChatbotPipeline.Nlu.Intents.Features;

/// <summary>
/// How utterances become feature vectors. Kept in every model (and its manifest) so a model is always queried
/// the way it was trained.
/// </summary>
/// <param name="WordNgramLength">Word n-grams from 1 up to this length, with sentence boundaries.</param>
/// <param name="CharNgramMin">Shortest character n-gram, taken inside each word padded with boundary marks.</param>
/// <param name="CharNgramMax">Longest character n-gram.</param>
/// <param name="WordWeight">Share of the word block in the final vector (each block is L2-normalized first).</param>
/// <param name="CharWeight">Share of the character block.</param>
/// <param name="MinCharNgramCount">Character n-grams seen fewer times than this in training are dropped: they are mostly typos and names that only enlarge the model.</param>
public sealed record IntentFeatureSettings(
    int WordNgramLength = 2,
    int CharNgramMin = 2,
    int CharNgramMax = 5,
    float WordWeight = 1f,
    float CharWeight = 1f,
    int MinCharNgramCount = 2)
{
    public static IntentFeatureSettings Default { get; } = new();

    internal void Validate()
    {
        if (WordNgramLength is < 1 or > 3)
            throw new ArgumentOutOfRangeException(nameof(WordNgramLength), WordNgramLength, "Word n-grams must be 1 to 3 words long.");
        if (CharNgramMin < 1 || CharNgramMax < CharNgramMin || CharNgramMax > 8)
            throw new ArgumentOutOfRangeException(nameof(CharNgramMax), CharNgramMax, "Character n-grams must satisfy 1 <= min <= max <= 8.");
        if (WordWeight < 0 || CharWeight < 0 || WordWeight + CharWeight <= 0)
            throw new ArgumentOutOfRangeException(nameof(WordWeight), "Block weights must be non-negative and not both zero.");
    }
}
