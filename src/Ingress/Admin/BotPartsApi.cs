using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Nlu.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>
/// The parts a bot is made of, each a collection under the bot with the same five routes:
/// <c>/api/bots/{botId}/intents[/{intentId}]</c> and <c>/api/bots/{botId}/entities[/{name}]</c>.
/// </summary>
public static class BotPartsApi
{
    private static readonly BotPart<Intent> Intents = new(
        "intents", i => i.IntentId, (i, id) => i with { IntentId = id }, BotValidation.Check,
        (store, bot, ct) => store.ListIntentsAsync(bot, ct), (store, bot, intent, ct) => store.SaveIntentAsync(bot, intent, ct),
        (store, bot, id, ct) => store.DeleteIntentAsync(bot, id, ct));

    private static readonly BotPart<EntityType> Entities = new(
        "entities", e => e.Name, (e, name) => e with { Name = name }, BotValidation.Check,
        (store, bot, ct) => store.ListEntitiesAsync(bot, ct), (store, bot, entity, ct) => store.SaveEntityAsync(bot, entity, ct),
        (store, bot, name, ct) => store.DeleteEntityAsync(bot, name, ct));

    // Handlers are written per type: ASP.NET Core's route analyzer crashes on handlers generic in the item type.
    public static void MapIntentsApi(this IEndpointRouteBuilder api)
    {
        var intents = api.MapGroup("/bots/{botId}/intents");
        intents.MapGet("/", (string botId, IBotStore store, CancellationToken ct) => Intents.ListAsync(botId, store, ct))
            .WithSummary("List a bot's intents");
        intents.MapGet("/{intentId}", (string botId, string intentId, IBotStore store, CancellationToken ct) => Intents.GetAsync(botId, intentId, store, ct))
            .WithSummary("Get an intent");
        intents.MapPost("/", (string botId, Intent intent, IBotStore store, CancellationToken ct) => Intents.CreateAsync(botId, intent, store, ct))
            .WithSummary("Add an intent");
        intents.MapPut("/{intentId}", (string botId, string intentId, Intent intent, IBotStore store, CancellationToken ct) => Intents.ReplaceAsync(botId, intentId, intent, store, ct))
            .WithSummary("Replace an intent");
        intents.MapDelete("/{intentId}", (string botId, string intentId, IBotStore store, CancellationToken ct) => Intents.DeleteAsync(botId, intentId, store, ct))
            .WithSummary("Delete an intent");
    }

    public static void MapEntitiesApi(this IEndpointRouteBuilder api)
    {
        var entities = api.MapGroup("/bots/{botId}/entities");
        entities.MapGet("/", (string botId, IBotStore store, CancellationToken ct) => Entities.ListAsync(botId, store, ct))
            .WithSummary("List a bot's entity types");
        entities.MapGet("/{name}", (string botId, string name, IBotStore store, CancellationToken ct) => Entities.GetAsync(botId, name, store, ct))
            .WithSummary("Get an entity type");
        entities.MapPost("/", (string botId, EntityType entity, IBotStore store, CancellationToken ct) => Entities.CreateAsync(botId, entity, store, ct))
            .WithSummary("Add an entity type");
        entities.MapPut("/{name}", (string botId, string name, EntityType entity, IBotStore store, CancellationToken ct) => Entities.ReplaceAsync(botId, name, entity, store, ct))
            .WithSummary("Replace an entity type");
        entities.MapDelete("/{name}", (string botId, string name, IBotStore store, CancellationToken ct) => Entities.DeleteAsync(botId, name, store, ct))
            .WithSummary("Delete an entity type");
    }

    /// <summary>How one kind of bot part is keyed, checked and stored, and its five route handlers.</summary>
    private sealed record BotPart<T>(
        string Collection,
        Func<T, string> KeyOf,
        Func<T, string, T> WithKey,
        Func<T, Dictionary<string, string[]>> Check,
        Func<IBotStore, string, CancellationToken, Task<IReadOnlyList<T>>> List,
        Func<IBotStore, string, T, CancellationToken, Task<bool>> Save,
        Func<IBotStore, string, string, CancellationToken, Task<bool>> Delete)
    {
        public async Task<Results<Ok<IReadOnlyList<T>>, ProblemHttpResult>> ListAsync(string botId, IBotStore store, CancellationToken ct) =>
            await store.GetBotAsync(botId, ct) is null ? ApiProblems.NoBot(botId) : TypedResults.Ok(await List(store, botId, ct));

        public async Task<Results<Ok<T>, ProblemHttpResult>> GetAsync(string botId, string key, IBotStore store, CancellationToken ct) =>
            (await List(store, botId, ct)).FirstOrDefault(item => KeyOf(item) == key) is { } found ? TypedResults.Ok(found) : await Missing(store, botId, key, ct);

        public async Task<Results<Created<T>, ValidationProblem, ProblemHttpResult>> CreateAsync(string botId, T item, IBotStore store, CancellationToken ct)
        {
            if (Check(item) is { Count: > 0 } errors)
                return TypedResults.ValidationProblem(errors);
            if (await store.GetBotAsync(botId, ct) is null)
                return ApiProblems.NoBot(botId);
            var key = KeyOf(item);
            if ((await List(store, botId, ct)).Any(existing => KeyOf(existing) == key))
                return ApiProblems.Conflict($"'{key}' already exists in {Collection}; PUT /api/bots/{botId}/{Collection}/{key} replaces it.");
            return await Save(store, botId, item, ct) ? TypedResults.Created($"/api/bots/{botId}/{Collection}/{key}", item) : ApiProblems.NoBot(botId);
        }

        public async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(string botId, string key, T item, IBotStore store, CancellationToken ct)
        {
            var replaced = WithKey(item, key);
            if (Check(replaced) is { Count: > 0 } errors)
                return TypedResults.ValidationProblem(errors);
            return await Save(store, botId, replaced, ct) ? TypedResults.Ok(replaced) : ApiProblems.NoBot(botId);
        }

        public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string botId, string key, IBotStore store, CancellationToken ct) =>
            await Delete(store, botId, key, ct) ? TypedResults.NoContent() : await Missing(store, botId, key, ct);

        private async Task<ProblemHttpResult> Missing(IBotStore store, string botId, string key, CancellationToken ct) =>
            await store.GetBotAsync(botId, ct) is null ? ApiProblems.NoBot(botId) : ApiProblems.NotFound($"Bot '{botId}' has no {Collection[..^1]} '{key}'.");
    }
}
