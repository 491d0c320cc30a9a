using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary><c>/api/bots/{botId}/train</c> and <c>/model</c>: ask for a new model, see the current one.</summary>
public static class TrainingApi
{
    public static void MapTrainingApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/bots/{botId}/train", RequestTraining);
        api.MapGet("/bots/{botId}/model", GetCurrentModel);
    }

    private static async Task<Results<Accepted<TrainingAccepted>, NotFound>> RequestTraining(
        string botId, IBotStore bots, IPublishEndpoint publisher, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await bots.GetBotAsync(botId, cancellationToken) is null)
            return TypedResults.NotFound();
        var request = new TrainingRequested(Guid.CreateVersion7().ToString("N"), botId, Force: true, time.GetUtcNow());
        await publisher.Publish(request, cancellationToken);
        return TypedResults.Accepted($"/api/bots/{botId}/model", new TrainingAccepted(request.RequestId, botId));
    }

    private static async Task<Results<Ok<ModelManifest>, NotFound>> GetCurrentModel(string botId, ModelRepository models, CancellationToken cancellationToken) =>
        await models.GetCurrentAsync(botId, cancellationToken) is { } manifest ? TypedResults.Ok(manifest) : TypedResults.NotFound();

    /// <summary>The answer to a training request: training runs on the <c>training</c> queue.</summary>
    public sealed record TrainingAccepted(string RequestId, string BotId);
}
