using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Ingress.Admin;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary>Validates an ai-chatbot-framework file and makes it the bot's contents; used by the API and the demo seeder.</summary>
public sealed class BotImporter(IBotStore bots)
{
    public async Task<ImportResult> ImportAsync(string botId, AicfBotFile file, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (intents, entities) = AicfMapper.ToDefinitions(file);
        foreach (var duplicate in intents.GroupBy(i => i.IntentId).Where(g => g.Count() > 1))
            errors[$"intents.{duplicate.Key}"] = ["Two intents share this intentId."];
        foreach (var duplicate in entities.GroupBy(e => e.Name).Where(g => g.Count() > 1))
            errors[$"entities.{duplicate.Key}"] = ["Two entities share this name."];
        for (var i = 0; i < intents.Count; i++)
            foreach (var (field, messages) in BotValidation.Check(intents[i]))
                errors[$"intents[{i}].{field}"] = messages;
        for (var i = 0; i < entities.Count; i++)
            foreach (var (field, messages) in BotValidation.Check(entities[i]))
                errors[$"entities[{i}].{field}"] = messages;
        var bot = new Bot(botId, botId);
        foreach (var (field, messages) in BotValidation.Check(bot))
            errors[field] = messages;
        if (errors.Count > 0)
            return new ImportResult(errors, 0, 0, false);

        var created = await bots.CreateBotAsync(bot, cancellationToken);
        await bots.ReplaceContentsAsync(botId, intents, entities, cancellationToken);
        return new ImportResult(errors, intents.Count, entities.Count, created);
    }
}

/// <summary>The validation problems of an import, or what it stored.</summary>
public sealed record ImportResult(Dictionary<string, string[]> Errors, int Intents, int Entities, bool CreatedBot);
