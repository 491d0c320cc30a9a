using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Definitions;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>
/// <c>/api/bots/{botId}/train</c>, <c>/model</c> and <c>/training</c>: ask for a new model, see the current one,
/// see how training went (status, history with metrics, and why the gate refused a model).
/// </summary>
public static class TrainingApi
{
    public static void MapTrainingApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/bots/{botId}/train", RequestTraining);
        api.MapGet("/bots/{botId}/model", GetCurrentModel);
        api.MapGet("/bots/{botId}/training", GetTraining);
    }

    /// <summary>How many runs the training view lists.</summary>
    private const int HistoryLength = 20;

    private static async Task<Results<Accepted<TrainingAccepted>, ProblemHttpResult>> RequestTraining(
        string botId, IBotStore bots, IPublishEndpoint publisher, TimeProvider time, CancellationToken cancellationToken, bool overrideGate = false)
    {
        if (await bots.GetDefinitionAsync(botId, cancellationToken) is not { } definition)
            return ApiProblems.NoBot(botId);
        // Said where the user acted: a run that could only fail is not queued.
        if (LabelledPhrases.From(definition.Intents).TrainingRefusal() is { } refusal)
            return TypedResults.Problem(refusal, statusCode: StatusCodes.Status400BadRequest, title: "Cannot train");
        var request = new TrainingRequested(Guid.CreateVersion7().ToString("N"), botId, Force: true, time.GetUtcNow(), overrideGate);
        await publisher.Publish(request, cancellationToken);
        return TypedResults.Accepted($"/api/bots/{botId}/training", new TrainingAccepted(request.RequestId, botId));
    }

    private static async Task<Results<Ok<ModelManifest>, ProblemHttpResult>> GetCurrentModel(string botId, ModelRepository models, IBotStore bots, CancellationToken cancellationToken)
    {
        if (await models.GetCurrentAsync(botId, cancellationToken) is { } manifest)
            return TypedResults.Ok(manifest);
        return await bots.GetBotAsync(botId, cancellationToken) is null
            ? ApiProblems.NoBot(botId)
            : ApiProblems.NotFound($"Bot '{botId}' has no model yet: POST /api/bots/{botId}/train, then GET /api/bots/{botId}/training.");
    }

    private static async Task<Results<Ok<TrainingView>, ProblemHttpResult>> GetTraining(
        string botId, IBotStore bots, ModelRepository models, TrainingHistory history, TrainingFailures failures, CancellationToken cancellationToken)
    {
        if (await bots.GetBotAsync(botId, cancellationToken) is null)
            return ApiProblems.NoBot(botId);
        var runs = await failures.OverlayAsync(botId, await history.ListAsync(botId, HistoryLength, cancellationToken), cancellationToken);
        var current = await models.GetCurrentAsync(botId, cancellationToken);
        return TypedResults.Ok(new TrainingView(botId, runs.FirstOrDefault()?.Status, current, runs, runs.FirstOrDefault()?.Reason));
    }

    /// <summary>A bot's training: the latest run's status and why, the model serving now, and the recent runs newest first.</summary>
    public sealed record TrainingView(string BotId, TrainingStatus? Status, ModelManifest? Current, IReadOnlyList<TrainingRun> Runs, string? Reason = null);

    /// <summary>The answer to a training request: training runs on the <c>training</c> queue.</summary>
    public sealed record TrainingAccepted(string RequestId, string BotId);
}
