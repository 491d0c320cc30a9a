using ChatbotPipeline.Nlu.Entities.Learned;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Nlu.Definitions;

/// <summary>
/// A bot's intents as what the learners read: a labelled example per non-blank phrase, and each phrase with its
/// valid entity annotations for the tagger (phrases without annotations teach it what is not an entity). Phrases
/// given to the fallback intent are examples of what the bot does not handle. One mapping for the trainer and for
/// evaluating a bot (the CLI's cross-validation), so both learn from the same data.
/// </summary>
public sealed record LabelledPhrases(IReadOnlyList<IntentExample> Examples, IReadOnlyList<AnnotatedSentence> Annotated)
{
    public static LabelledPhrases From(IEnumerable<Intent> intents)
    {
        var phrases = intents
            .SelectMany(i => i.TrainingData.Select(p => (Intent: i.IntentId, Phrase: p)))
            .Where(p => !string.IsNullOrWhiteSpace(p.Phrase.Text))
            .ToList();
        var examples = phrases.Select(p => new IntentExample(p.Phrase.Text, p.Intent)).ToList();
        var annotated = phrases.Select(p => new AnnotatedSentence(p.Phrase.Text, p.Phrase.Entities
            .Where(e => e.Begin >= 0 && e.End <= p.Phrase.Text.Length && e.Begin < e.End)
            .Select(e => new EntitySpan(e.Name, e.Begin, e.End)).ToList())).ToList();
        return new LabelledPhrases(examples, annotated);
    }

    /// <summary>Why a model cannot be trained on these phrases, in words for the bot's author; null when it can.</summary>
    public string? TrainingRefusal()
    {
        var intents = Examples.Select(e => e.Intent).Distinct(StringComparer.Ordinal).ToList();
        return intents.Count >= 2 ? null : intents.Count == 0
            ? "The bot has no training phrases: add intents with phrases (or import a bot file), then train."
            : $"Training needs phrases for at least two intents; the bot has only '{intents[0]}'. Add another intent — or phrases to the "
              + $"'{SystemIntents.Fallback}' intent, which teach what the bot does not handle — then train.";
    }
}
