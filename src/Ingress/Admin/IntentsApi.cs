using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Nlu.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary><c>/api/bots/{botId}/intents</c>: a bot's intents with their phrases, parameters and responses.</summary>
public static class IntentsApi
{
    public static void MapIntentsApi(this IEndpointRouteBuilder api)
    {
        var intents = api.MapGroup("/bots/{botId}/intents");
        intents.MapGet("/", ListIntents);
        intents.MapGet("/{intentId}", GetIntent);
        intents.MapPost("/", CreateIntent);
        intents.MapPut("/{intentId}", ReplaceIntent);
        intents.MapDelete("/{intentId}", DeleteIntent);
    }

    private static async Task<Results<Ok<IReadOnlyList<Intent>>, NotFound>> ListIntents(string botId, IBotStore store, CancellationToken cancellationToken) =>
        await store.GetBotAsync(botId, cancellationToken) is null ? TypedResults.NotFound() : TypedResults.Ok(await store.ListIntentsAsync(botId, cancellationToken));

    private static async Task<Results<Ok<Intent>, NotFound>> GetIntent(string botId, string intentId, IBotStore store, CancellationToken cancellationToken) =>
        (await store.ListIntentsAsync(botId, cancellationToken)).FirstOrDefault(i => i.IntentId == intentId) is { } intent
            ? TypedResults.Ok(intent)
            : TypedResults.NotFound();

    private static async Task<Results<Created<Intent>, ValidationProblem, NotFound, Conflict<string>>> CreateIntent(
        string botId, Intent intent, IBotStore store, CancellationToken cancellationToken)
    {
        if (BotValidation.Check(intent) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        if (await store.GetBotAsync(botId, cancellationToken) is null)
            return TypedResults.NotFound();
        if ((await store.ListIntentsAsync(botId, cancellationToken)).Any(i => i.IntentId == intent.IntentId))
            return TypedResults.Conflict($"Intent '{intent.IntentId}' already exists; PUT replaces it.");
        return await store.SaveIntentAsync(botId, intent, cancellationToken)
            ? TypedResults.Created($"/api/bots/{botId}/intents/{intent.IntentId}", intent)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<Intent>, ValidationProblem, NotFound>> ReplaceIntent(
        string botId, string intentId, Intent intent, IBotStore store, CancellationToken cancellationToken)
    {
        var replaced = intent with { IntentId = intentId };
        if (BotValidation.Check(replaced) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await store.SaveIntentAsync(botId, replaced, cancellationToken) ? TypedResults.Ok(replaced) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteIntent(string botId, string intentId, IBotStore store, CancellationToken cancellationToken) =>
        await store.DeleteIntentAsync(botId, intentId, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
