namespace ChatbotPipeline.Nlu.Definitions;

/// <summary>Everything that defines a bot at one revision: what NLU and training read.</summary>
/// <param name="Revision">Grows on every change to the bot, its intents or its entity types.</param>
/// <param name="Dialogue">Rules, stories, forms and named responses (a Rasa project's); null: each intent answers with its own response.</param>
public sealed record BotDefinition(Bot Bot, IReadOnlyList<Intent> Intents, IReadOnlyList<EntityType> Entities, long Revision,
    Dialogue.Stories.BotDialogue? Dialogue = null)
{
    /// <summary>The intent with this id, if the bot has it.</summary>
    public Intent? FindIntent(string intentId) => Intents.FirstOrDefault(i => i.IntentId == intentId);
}
