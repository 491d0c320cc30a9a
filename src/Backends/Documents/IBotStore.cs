using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Dialogue.Stories;

namespace ChatbotPipeline.Backends.Documents;

/// <summary>Bots with their intents and entity types. Every change raises the bot's revision.</summary>
public interface IBotStore
{
    Task<IReadOnlyList<Bot>> ListBotsAsync(CancellationToken cancellationToken = default);

    Task<Bot?> GetBotAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Adds a bot; false when one with that id exists.</summary>
    Task<bool> CreateBotAsync(Bot bot, CancellationToken cancellationToken = default);

    /// <summary>Replaces a bot's settings; false when it does not exist.</summary>
    Task<bool> UpdateBotAsync(Bot bot, CancellationToken cancellationToken = default);

    /// <summary>Removes a bot with its intents and entity types; false when it did not exist.</summary>
    Task<bool> DeleteBotAsync(string botId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Intent>> ListIntentsAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces an intent; false when the bot does not exist.</summary>
    Task<bool> SaveIntentAsync(string botId, Intent intent, CancellationToken cancellationToken = default);

    Task<bool> DeleteIntentAsync(string botId, string intentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EntityType>> ListEntitiesAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces an entity type; false when the bot does not exist.</summary>
    Task<bool> SaveEntityAsync(string botId, EntityType entity, CancellationToken cancellationToken = default);

    Task<bool> DeleteEntityAsync(string botId, string name, CancellationToken cancellationToken = default);

    /// <summary>Replaces all intents and entity types of a bot at once (an import); false when the bot does not exist.</summary>
    Task<bool> ReplaceContentsAsync(string botId, IReadOnlyList<Intent> intents, IReadOnlyList<EntityType> entities, CancellationToken cancellationToken = default);

    /// <summary>Replaces the bot's dialogue (rules, stories, forms, responses); null removes it. False when there is no such bot.</summary>
    Task<bool> SaveDialogueAsync(string botId, BotDialogue? dialogue, CancellationToken cancellationToken = default);

    /// <summary>The bot's current revision, or null when it does not exist: a cheap check before reloading a definition.</summary>
    Task<long?> GetRevisionAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>The whole bot at one revision, or null when it does not exist.</summary>
    Task<BotDefinition?> GetDefinitionAsync(string botId, CancellationToken cancellationToken = default);
}
