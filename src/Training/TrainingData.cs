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
    /// The labelled phrases of the bot's intents (<see cref="LabelledPhrases"/>) and a hash of them, their annotations,
    /// the bot's encoder and the trainer's version, in a stable order.
    /// </summary>
    public static TrainingData From(BotDefinition bot)
    {
        var (examples, annotated) = LabelledPhrases.From(bot.Intents);
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
