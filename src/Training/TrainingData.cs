using System.Security.Cryptography;
using System.Text;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Entities.Learned;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Training;

/// <summary>What a bot's model is trained on, and the hash that tells whether it changed.</summary>
public sealed record TrainingData(IReadOnlyList<IntentExample> Examples, IReadOnlyList<AnnotatedSentence> Annotated, string Hash)
{
    /// <summary>
    /// The labelled phrases of the bot's intents. Phrases given to the fallback intent are examples of what the bot
    /// does not handle: they train a class whose prediction means fallback, next to the confidence threshold. The hash covers the phrases and their annotations in a stable order and the trainer's version.
    /// </summary>
    public static TrainingData From(BotDefinition bot)
    {
        var phrases = bot.Intents
            .SelectMany(i => i.TrainingData.Select(p => (Intent: i.IntentId, Phrase: p)))
            .Where(p => !string.IsNullOrWhiteSpace(p.Phrase.Text))
            .ToList();
        var examples = phrases.Select(p => new IntentExample(p.Phrase.Text, p.Intent)).ToList();
        // Every phrase teaches the tagger, those without annotations what is not an entity.
        var annotated = phrases.Select(p => new AnnotatedSentence(p.Phrase.Text, p.Phrase.Entities
            .Where(e => e.Begin >= 0 && e.End <= p.Phrase.Text.Length && e.Begin < e.End)
            .Select(e => new EntitySpan(e.Name, e.Begin, e.End)).ToList())).ToList();
        // The bot's encoder choice is part of what it is trained on: switching it retrains even unchanged phrases.
        var canonical = new StringBuilder($"trainer:{TrainerVersion}\nencoder:{bot.Bot.Encoder}\n");
        foreach (var example in examples.OrderBy(e => e.Intent, StringComparer.Ordinal).ThenBy(e => e.Text, StringComparer.Ordinal))
            canonical.Append(example.Intent).Append('\t').Append(example.Text).Append('\n');
        foreach (var sentence in annotated.Where(a => a.Entities.Count > 0).OrderBy(a => a.Text, StringComparer.Ordinal))
            foreach (var entity in sentence.Entities)
                canonical.Append(sentence.Text).Append('\t').Append(entity.Entity).Append('\t').Append(entity.Start).Append('\t').Append(entity.End).Append('\n');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        return new TrainingData(examples, annotated, hash);
    }

    /// <summary>Raised when the trainer's features or algorithm change, so unchanged data is still retrained (4: the encoder block, model format 4).</summary>
    private const int TrainerVersion = 4;
}
