using System.Text.Json;
using System.Text.Json.Nodes;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
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
        bots.MapPatch("/{botId}", PatchBot)
            .WithSummary("Change some of a bot's settings (the others are kept)")
            .WithDescription("A JSON object with the settings to change, e.g. {\"actionHosts\": [\"api.example.com\"]}; null resets one to its default.");
        bots.MapDelete("/{botId}", DeleteBot);
    }

    private static async Task<Ok<IReadOnlyList<Bot>>> ListBots(IBotStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListBotsAsync(cancellationToken));

    private static async Task<Results<Ok<Bot>, ProblemHttpResult>> GetBot(string botId, IBotStore store, CancellationToken cancellationToken) =>
        await store.GetBotAsync(botId, cancellationToken) is { } bot ? TypedResults.Ok(bot) : ApiProblems.NoBot(botId);

    private static async Task<Results<Created<Bot>, ValidationProblem, ProblemHttpResult>> CreateBot(Bot bot, IBotStore store, CancellationToken cancellationToken)
    {
        if (BotValidation.Check(bot) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await store.CreateBotAsync(bot, cancellationToken)
            ? TypedResults.Created($"/api/bots/{bot.Id}", bot)
            : ApiProblems.Conflict($"Bot '{bot.Id}' already exists: PUT /api/bots/{bot.Id} changes its settings, DELETE removes it.");
    }

    private static async Task<Results<Ok<Bot>, ValidationProblem, ProblemHttpResult>> UpdateBot(string botId, Bot bot, IBotStore store, CancellationToken cancellationToken)
    {
        var updated = bot with { Id = botId };
        if (BotValidation.Check(updated) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await store.UpdateBotAsync(updated, cancellationToken) ? TypedResults.Ok(updated) : ApiProblems.NoBot(botId);
    }

    /// <summary>JSON merge patch (RFC 7396) of the bot's settings: what the body names changes, the rest is kept.</summary>
    private static async Task<Results<Ok<Bot>, ValidationProblem, ProblemHttpResult>> PatchBot(string botId, JsonObject changes, IBotStore store, CancellationToken cancellationToken)
    {
        if (await store.GetBotAsync(botId, cancellationToken) is not { } bot)
            return ApiProblems.NoBot(botId);
        var merged = JsonSerializer.SerializeToNode(bot, DocumentJson.Options)!.AsObject();
        var defaults = JsonSerializer.SerializeToNode(new Bot(botId, bot.Name), DocumentJson.Options)!.AsObject();
        foreach (var (name, value) in changes)
        {
            var key = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (key is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [$"Bots have no setting '{name}'."] });
            merged[key] = (value ?? defaults[key])?.DeepClone();
        }
        Bot patched;
        try
        {
            patched = merged.Deserialize<Bot>(DocumentJson.Options)! with { Id = botId };
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [exception.Path?.TrimStart('$', '.') ?? "body"] = [$"Not a valid value: {exception.Message.Split('.')[0]}."] });
        }
        if (BotValidation.Check(patched) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await store.UpdateBotAsync(patched, cancellationToken) ? TypedResults.Ok(patched) : ApiProblems.NoBot(botId);
    }

    /// <summary>Deletes the bot, then its models: every NLU replica unloads it when it next reads the model change journal.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteBot(
        string botId, IBotStore store, ModelRepository models, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await store.DeleteBotAsync(botId, cancellationToken))
            return ApiProblems.NoBot(botId);
        await models.WithdrawAsync(botId, time.GetUtcNow(), CancellationToken.None);
        return TypedResults.NoContent();
    }
}
