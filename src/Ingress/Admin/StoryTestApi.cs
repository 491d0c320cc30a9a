using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Ingress.BotFiles;
using ChatbotPipeline.Ingress.BotFiles.Rasa;
using ChatbotPipeline.Ingress.Webhooks;
using ChatbotPipeline.Nlu.Dialogue.Stories;
using Microsoft.AspNetCore.Http.HttpResults;
using YamlDotNet.RepresentationModel;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>
/// <c>POST /api/bots/{botId}/stories/test</c>: Rasa test stories (<c>tests/test_stories.yml</c>) replayed against the
/// bot's dialogue and its current model, as <c>rasa test core</c> does; each story's verdict and first divergent step.
/// </summary>
public static class StoryTestApi
{
    public static void MapStoryTestApi(this IEndpointRouteBuilder api) =>
        api.MapPost("/bots/{botId}/stories/test", TestAsync)
            .WithSummary("Replay Rasa test stories against the bot's dialogue and model")
            .WithDescription("The body is a Rasa test stories file (YAML). Each story's user steps are understood by the current model and compared with their intent; each action is predicted and compared. 200 with every story's verdict and its first divergent step.");

    private static async Task<Results<Ok<StoryTestReport>, ProblemHttpResult>> TestAsync(string botId, HttpRequest request, IBotStore bots, ModelRepository models,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var definition = await bots.GetDefinitionAsync(botId, cancellationToken);
        if (definition is null)
            return TypedResults.Problem($"There is no bot '{botId}'.", statusCode: StatusCodes.Status404NotFound);
        if (definition.Dialogue is not { } dialogue)
            return TypedResults.Problem($"Bot '{botId}' has no rules or stories to test: import its Rasa project (domain, rules, stories) first.", statusCode: StatusCodes.Status400BadRequest);
        if (await WebhookBody.ReadAsync(request, BotFilesApi.MaxFileBytes, cancellationToken) is not { } body)
            return TypedResults.Problem($"The file is larger than {BotFilesApi.MaxFileBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (BotFileText.Decode(body, "file", out var encodingError) is not { } text)
            return TypedResults.Problem(encodingError, statusCode: StatusCodes.Status400BadRequest);
        if (YamlBudget.Refusal(text) is { } tooCostly)
            return TypedResults.Problem(tooCostly, statusCode: StatusCodes.Status400BadRequest);
        List<DialogueStory> stories;
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            stories = [.. yaml.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().SelectMany(RasaDialogueReader.ReadStories)];
        }
        catch (Exception exception) when (exception is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            return TypedResults.Problem($"The test stories could not be read: {exception.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        if (stories.Count == 0)
            return TypedResults.Problem("The file has no 'stories'.", statusCode: StatusCodes.Status400BadRequest);

        var current = await models.GetCurrentAsync(botId, cancellationToken);
        var model = current is null ? null : await models.LoadAsync(botId, current.Version, cancellationToken);
        Func<string, Understood>? understand = model is null ? null : said =>
        {
            var phrase = RasaAnnotations.Read(said);
            var prediction = model.Intents.Predict(phrase.Text);
            var intent = definition.Bot.ToFallbackPolicy().Accepts(prediction) ? prediction.Top.Intent : DefaultActions.NluFallbackIntent;
            var entities = phrase.Entities.Select(e => new ExtractedEntity(e.Name, e.Value, e.Begin, e.End, 1, "story")).ToList();
            return new Understood(intent, entities, phrase.Text);
        };
        return TypedResults.Ok(StoryTester.Run(dialogue, stories, understand));
    }
}
