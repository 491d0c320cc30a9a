using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Nlu.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary><c>/api/bots/{botId}/entities</c>: a bot's entity types with their values, synonyms and patterns.</summary>
public static class EntitiesApi
{
    public static void MapEntitiesApi(this IEndpointRouteBuilder api)
    {
        var entities = api.MapGroup("/bots/{botId}/entities");
        entities.MapGet("/", ListEntities);
        entities.MapGet("/{name}", GetEntity);
        entities.MapPost("/", CreateEntity);
        entities.MapPut("/{name}", ReplaceEntity);
        entities.MapDelete("/{name}", DeleteEntity);
    }

    private static async Task<Results<Ok<IReadOnlyList<EntityType>>, NotFound>> ListEntities(string botId, IBotStore store, CancellationToken cancellationToken) =>
        await store.GetBotAsync(botId, cancellationToken) is null ? TypedResults.NotFound() : TypedResults.Ok(await store.ListEntitiesAsync(botId, cancellationToken));

    private static async Task<Results<Ok<EntityType>, NotFound>> GetEntity(string botId, string name, IBotStore store, CancellationToken cancellationToken) =>
        (await store.ListEntitiesAsync(botId, cancellationToken)).FirstOrDefault(e => e.Name == name) is { } entity
            ? TypedResults.Ok(entity)
            : TypedResults.NotFound();

    private static async Task<Results<Created<EntityType>, ValidationProblem, NotFound, Conflict<string>>> CreateEntity(
        string botId, EntityType entity, IBotStore store, CancellationToken cancellationToken)
    {
        if (BotValidation.Check(entity) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        if (await store.GetBotAsync(botId, cancellationToken) is null)
            return TypedResults.NotFound();
        if ((await store.ListEntitiesAsync(botId, cancellationToken)).Any(e => e.Name == entity.Name))
            return TypedResults.Conflict($"Entity '{entity.Name}' already exists; PUT replaces it.");
        return await store.SaveEntityAsync(botId, entity, cancellationToken)
            ? TypedResults.Created($"/api/bots/{botId}/entities/{entity.Name}", entity)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<EntityType>, ValidationProblem, NotFound>> ReplaceEntity(
        string botId, string name, EntityType entity, IBotStore store, CancellationToken cancellationToken)
    {
        var replaced = entity with { Name = name };
        if (BotValidation.Check(replaced) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await store.SaveEntityAsync(botId, replaced, cancellationToken) ? TypedResults.Ok(replaced) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteEntity(string botId, string name, IBotStore store, CancellationToken cancellationToken) =>
        await store.DeleteEntityAsync(botId, name, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
