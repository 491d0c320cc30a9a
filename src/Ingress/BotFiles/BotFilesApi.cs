using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Ingress.Admin;
using ChatbotPipeline.Nlu.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary><c>/api/bots/{botId}/import</c> and <c>/export</c>: a whole bot in ai-chatbot-framework's JSON.</summary>
public static class BotFilesApi
{
    public static void MapBotFilesApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/bots/{botId}/import", Import);
        api.MapGet("/bots/{botId}/export", Export);
    }

    /// <summary>Replaces the bot's intents and entities with the file's, creating the bot when it is new. Train afterwards.</summary>
    private static async Task<Results<Ok<ImportSummary>, ValidationProblem>> Import(string botId, AicfBotFile file, BotImporter importer, CancellationToken cancellationToken)
    {
        var result = await importer.ImportAsync(botId, file, cancellationToken);
        return result.Errors.Count > 0
            ? TypedResults.ValidationProblem(result.Errors)
            : TypedResults.Ok(new ImportSummary(botId, result.Intents, result.Entities, result.CreatedBot, result.Warnings));
    }

    private static async Task<Results<Ok<AicfBotFile>, NotFound>> Export(string botId, IBotStore bots, CancellationToken cancellationToken)
    {
        var definition = await bots.GetDefinitionAsync(botId, cancellationToken);
        return definition is null ? TypedResults.NotFound() : TypedResults.Ok(AicfMapper.ToFile(definition.Intents, definition.Entities));
    }

    /// <summary>What an import changed, and what its author should know (per intent).</summary>
    public sealed record ImportSummary(string BotId, int Intents, int Entities, bool CreatedBot, IReadOnlyList<ImportWarning> Warnings);
}
