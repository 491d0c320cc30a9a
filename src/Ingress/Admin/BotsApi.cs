using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Nlu.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary><c>/api/bots</c>: create, read, update and delete bots.</summary>
public static class BotsApi
{
    public static void MapBotsApi(this IEndpointRouteBuilder api)
    {
        var bots = api.MapGroup("/bots");
        bots.MapGet("/", ListBots);
        bots.MapGet("/{botId}", GetBot);
        bots.MapPost("/", CreateBot);
        bots.MapPut("/{botId}", UpdateBot);
        bots.MapDelete("/{botId}", DeleteBot);
    }

    private static async Task<Ok<IReadOnlyList<Bot>>> ListBots(IBotStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListBotsAsync(cancellationToken));

    private static async Task<Results<Ok<Bot>, NotFound>> GetBot(string botId, IBotStore store, CancellationToken cancellationToken) =>
        await store.GetBotAsync(botId, cancellationToken) is { } bot ? TypedResults.Ok(bot) : TypedResults.NotFound();

    private static async Task<Results<Created<Bot>, ValidationProblem, Conflict<string>>> CreateBot(Bot bot, IBotStore store, CancellationToken cancellationToken)
    {
        if (BotValidation.Check(bot) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await store.CreateBotAsync(bot, cancellationToken)
            ? TypedResults.Created($"/api/bots/{bot.Id}", bot)
            : TypedResults.Conflict($"Bot '{bot.Id}' already exists.");
    }

    private static async Task<Results<Ok<Bot>, ValidationProblem, NotFound>> UpdateBot(string botId, Bot bot, IBotStore store, CancellationToken cancellationToken)
    {
        var updated = bot with { Id = botId };
        if (BotValidation.Check(updated) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await store.UpdateBotAsync(updated, cancellationToken) ? TypedResults.Ok(updated) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteBot(string botId, IBotStore store, CancellationToken cancellationToken) =>
        await store.DeleteBotAsync(botId, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
