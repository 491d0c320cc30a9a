using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Dialogue.Stories;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary>
/// What a bot file holds. A part that is null was not in the file: an import keeps the bot's own unless it is asked to
/// replace everything, so a domain.yml sent alone does not take the bot's phrases with it.
/// </summary>
/// <param name="Warnings">What the file had that was not imported, in words for its author.</param>
public sealed record BotContents(IReadOnlyList<Intent>? Intents, IReadOnlyList<EntityType>? Entities, BotDialogue? Dialogue, IReadOnlyList<string> Warnings)
{
    public static BotContents Of(IReadOnlyList<Intent> intents, IReadOnlyList<EntityType> entities) => new(intents, entities, null, []);
}
