using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Ingress.Admin;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary>Validates a bot file (ai-chatbot-framework or Rasa) and makes it the bot's contents; used by the API and the demo seeder.</summary>
public sealed class BotImporter(IBotStore bots)
{
    public Task<ImportResult> ImportAsync(string botId, AicfBotFile file, CancellationToken cancellationToken)
    {
        var (intents, entities) = AicfMapper.ToDefinitions(file);
        return ImportAsync(botId, BotContents.Of(intents, entities), replace: false, cancellationToken);
    }

    public Task<ImportResult> ImportAsync(string botId, IReadOnlyList<Intent> intents, IReadOnlyList<EntityType> entities, CancellationToken cancellationToken) =>
        ImportAsync(botId, BotContents.Of(intents, entities), replace: false, cancellationToken);

    /// <summary>What an import of these contents would say — errors, or counts and warnings — without storing anything.</summary>
    public async Task<ImportResult> ReviewAsync(string botId, BotContents contents, CancellationToken cancellationToken)
    {
        var errors = Validate(botId, contents.Intents ?? [], contents.Entities ?? []);
        if (errors.Count > 0)
            return new ImportResult(errors, 0, 0, false, []);
        var existing = await bots.GetDefinitionAsync(botId, cancellationToken);
        return new ImportResult(errors, contents.Intents?.Count ?? 0, contents.Entities?.Count ?? 0, existing is null,
            Warnings(contents, existing, existing?.Bot.ActionHosts ?? []));
    }

    /// <summary>
    /// Stores the file's contents: each part it holds (phrases and entity types, dialogue) replaces the bot's, the parts it
    /// does not hold are kept — unless <paramref name="replace"/>, which clears them too.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string botId, BotContents contents, bool replace, CancellationToken cancellationToken)
    {
        var errors = Validate(botId, contents.Intents ?? [], contents.Entities ?? []);
        if (errors.Count > 0)
            return new ImportResult(errors, 0, 0, false, []);

        // All or nothing: the contents replace the old ones in one write, and a bot made for them goes if they fail.
        var created = await bots.CreateBotAsync(new Bot(botId, botId), cancellationToken);
        var existing = created ? null : await bots.GetDefinitionAsync(botId, cancellationToken);
        var stored = true;
        if (contents.Intents is not null || replace)
            stored &= await bots.ReplaceContentsAsync(botId, contents.Intents ?? [], contents.Entities ?? [], cancellationToken);
        if (contents.Dialogue is not null || replace)
            stored &= await bots.SaveDialogueAsync(botId, contents.Dialogue, cancellationToken);
        if (!stored)
        {
            if (created)
                await bots.DeleteBotAsync(botId, CancellationToken.None);
            errors["botId"] = [$"Bot '{botId}' was removed while it was being imported; nothing was stored."];
            return new ImportResult(errors, 0, 0, false, []);
        }
        return new ImportResult(errors, contents.Intents?.Count ?? 0, contents.Entities?.Count ?? 0, created,
            Warnings(contents, existing, existing?.Bot.ActionHosts ?? []));
    }

    private static IReadOnlyList<ImportWarning> Warnings(BotContents contents, BotDefinition? existing, IReadOnlyList<string> actionHosts)
    {
        var intents = contents.Intents ?? existing?.Intents ?? [];
        var warnings = ImportWarnings.Review(contents.Intents ?? [], contents.Entities ?? [], actionHosts).ToList();
        warnings.AddRange(contents.Warnings.Select(warning => new ImportWarning(null, warning)));
        if (contents.Dialogue is { } dialogue)
            warnings.AddRange(DialogueWarnings.Review(dialogue, intents));
        return warnings;
    }

    private static Dictionary<string, string[]> Validate(string botId, IReadOnlyList<Intent> intents, IReadOnlyList<EntityType> entities)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var duplicate in intents.GroupBy(i => i.IntentId).Where(g => g.Count() > 1))
            errors[$"intents.{duplicate.Key}"] = ["Two intents share this intentId."];
        foreach (var duplicate in entities.GroupBy(e => e.Name).Where(g => g.Count() > 1))
            errors[$"entities.{duplicate.Key}"] = ["Two entities share this name."];
        for (var i = 0; i < intents.Count; i++)
            foreach (var (field, messages) in BotValidation.Check(intents[i]))
                errors[$"intents[{i}].{field}"] = [.. messages.Select(message => $"Intent '{intents[i].IntentId}': {message}")];
        for (var i = 0; i < entities.Count; i++)
            foreach (var (field, messages) in BotValidation.Check(entities[i]))
                errors[$"entities[{i}].{field}"] = messages;
        foreach (var (field, messages) in BotValidation.Check(new Bot(botId, botId)))
            errors[field] = messages;
        foreach (var (phrase, owners) in intents.SelectMany(i => i.TrainingData.Select(p => (Phrase: p.Text.Trim().ToLowerInvariant(), i.IntentId)))
                     .GroupBy(x => x.Phrase).Select(g => (g.Key, Owners: g.Select(x => x.IntentId).Distinct().ToList())).Where(g => g.Owners.Count > 1))
            errors[$"trainingData.\"{phrase}\""] = [$"The same phrase trains intents {string.Join(" and ", owners.Select(o => $"'{o}'"))}: the model cannot learn both."];
        return errors;
    }
}

/// <summary>The validation problems of an import, or what it stored and what its author should know.</summary>
public sealed record ImportResult(Dictionary<string, string[]> Errors, int Intents, int Entities, bool CreatedBot, IReadOnlyList<ImportWarning> Warnings);
