using System.Text.Json;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Templates;
using ChatbotPipeline.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// The <c>action</c> queue: makes a completed intent's API call (<c>apiDetails</c>: URL, method, headers and JSON body,
/// each a template over <c>parameters</c> and <c>context</c>), renders the intent's response with <c>result</c> = the
/// parsed answer, and publishes the verdict with its replies into the same fan-out as any other (log, analytics,
/// notification, chat stream). A failed call answers with the bot's failure response — the bot says something,
/// never nothing — and the turn records the call's status, latency and error.
/// </summary>
public sealed partial class ActionConsumer(
    BotCatalog catalog, ResponseRenderer renderer, ActionRequestBuilder builder, ActionCaller caller, ActionMemory memory, ConversationHold hold,
    IOptions<ActionOptions> options, TimeProvider time, ILogger<ActionConsumer> logger) : IConsumer<ActionRequested>
{
    public async Task Consume(ConsumeContext<ActionRequested> context)
    {
        var understood = context.Message.Understood;
        var message = understood.Message;
        var cancellationToken = context.CancellationToken;
        var bot = await catalog.GetAsync(message.BotId, cancellationToken) ?? throw new UnknownBotException(message.BotId);
        var intent = bot.Definition.FindIntent(understood.Intent);
        var model = new TemplateModel(understood.Parameters, message.Metadata);
        var allowedHosts = bot.Definition.Bot.ActionHosts ?? [];

        var site = $"bot {message.BotId}, intent {understood.Intent}";
        var (request, refusal) = intent?.ApiDetails is { } api ? builder.Build(api, model, allowedHosts, site) : (null, "The intent has no API call any more.");
        var result = request is null
            ? new ActionCallResult(null, null, 0, 0, refusal)
            : await memory.OnceAsync(message.MessageId, () => caller.CallAsync(request, message.MessageId,
                ActionHostPolicy.ListedExactly(request.Url.IdnHost, allowedHosts), cancellationToken), cancellationToken);
        if (result.Error is not null)
            LogFailed(message.MessageId, understood.Intent, result.Error);

        var replies = result.Error is null && intent is not null
            ? renderer.Render(intent.SpeechResponse, model with { Result = ParseAnswer(result.Body) }, site)
            : [];
        if (replies.Count == 0)
            replies = renderer.Render(bot.Definition.Bot.ActionFailureResponse ?? options.Value.DefaultFailureResponse, model, $"bot {message.BotId}, actionFailureResponse");
        var outcome = new ActionOutcome(request?.Url.IdnHost ?? "", result.Status, result.Milliseconds, result.Attempts, result.Error);
        await context.PublishVerdictAsync(understood with { Replies = replies, Action = outcome, ProcessedAt = time.GetUtcNow() }, cancellationToken);
        await hold.ReleaseAsync(message.BotId, message.ConversationId, message.MessageId);
    }

    /// <summary>The answer as JSON for <c>result</c>; an answer that is not JSON is one string.</summary>
    private static JsonElement? ParseAnswer(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(body);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API call of message {MessageId} (intent {Intent}) failed: {Reason}")]
    private partial void LogFailed(string messageId, string intent, string reason);
}
