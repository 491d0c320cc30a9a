using System.Security.Cryptography;
using System.Text;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Training;

/// <summary>What a bot's model is trained on, and the hash that tells whether it changed.</summary>
public sealed record TrainingData(IReadOnlyList<IntentExample> Examples, string Hash)
{
    /// <summary>
    /// The labelled phrases of the bot's intents. The fallback intent is not a class: it answers when no class is
    /// probable enough. The hash covers the phrases in a stable order and the trainer's version.
    /// </summary>
    public static TrainingData From(BotDefinition bot)
    {
        var examples = bot.Intents
            .Where(i => i.IntentId != SystemIntents.Fallback)
            .SelectMany(i => i.TrainingData.Select(p => new IntentExample(p.Text, i.IntentId)))
            .Where(e => !string.IsNullOrWhiteSpace(e.Text))
            .ToList();
        var canonical = new StringBuilder($"trainer:{TrainerVersion}\n");
        foreach (var example in examples.OrderBy(e => e.Intent, StringComparer.Ordinal).ThenBy(e => e.Text, StringComparer.Ordinal))
            canonical.Append(example.Intent).Append('\t').Append(example.Text).Append('\n');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        return new TrainingData(examples, hash);
    }

    /// <summary>Raised when the trainer's features or algorithm change, so unchanged data is still retrained.</summary>
    private const int TrainerVersion = 2;
}
