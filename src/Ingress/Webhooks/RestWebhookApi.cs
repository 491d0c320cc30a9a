using System.Text.Json;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.ServiceDefaults.Bus;
using MassTransit;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary><c>POST /webhooks/rest/{botId}</c>: Rasa's REST channel shape, answered as soon as the message is on the bus.</summary>
public static partial class RestWebhookApi
{
    /// <summary>Bodies above 16 KB are refused with 413: no chat message needs more.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Metadata key whose value, an http(s) URL, receives the bot's replies.</summary>
    public const string CallbackUrlKey = "callback_url";

    public const string Channel = "rest";

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/rest/{botId}", Receive);
        return app;
    }

    private static async Task<Results<Accepted<WebhookAccepted>, ProblemHttpResult>> Receive(
        string botId, HttpRequest request, IBotStore bots, IPublishEndpoint publisher, IOptions<BusOptions> bus, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await WebhookBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes.");
        if (Parse(body, out var error) is not { } payload)
            return Problem(StatusCodes.Status400BadRequest, error);
        if (await bots.GetRevisionAsync(botId, cancellationToken) is null)
            return Problem(StatusCodes.Status404NotFound, $"There is no bot '{botId}'.");

        var metadata = Flatten(payload.Metadata);
        var message = new MessageReceived(
            MessageId: Guid.CreateVersion7().ToString("N"),
            BotId: botId,
            Channel: Channel,
            ConversationId: payload.Sender!,
            SenderId: payload.Sender!,
            Text: payload.Message!,
            ReplyTo: metadata.GetValueOrDefault(CallbackUrlKey),
            ReceivedAt: time.GetUtcNow(),
            Metadata: metadata);
        // A broker that is down makes Publish wait for a connection: bound the wait, then tell the platform to retry.
        using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishTimeout.CancelAfter(TimeSpan.FromSeconds(bus.Value.PublishTimeoutSeconds));
        try
        {
            await publisher.Publish(message, publishTimeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(loggers.CreateLogger(typeof(RestWebhookApi)), exception, botId);
            return Problem(StatusCodes.Status503ServiceUnavailable, "The message could not be queued; try again shortly.");
        }
        return TypedResults.Accepted($"/api/bots/{botId}/conversations/{message.ConversationId}",
            new WebhookAccepted(message.MessageId, message.ConversationId));
    }

    private static RestWebhookRequest? Parse(byte[] body, out string error)
    {
        RestWebhookRequest? payload;
        try
        {
            payload = JsonSerializer.Deserialize<RestWebhookRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            error = $"The body is not the expected JSON: {exception.Message}";
            return null;
        }
        error = payload switch
        {
            null => "The body must be a JSON object.",
            { Sender: null or "" } => "'sender' is required.",
            { Sender.Length: > 256 } => "'sender' must be at most 256 characters.",
            { Message: null } => "'message' is required.",
            { Message: var text } when string.IsNullOrWhiteSpace(text) => "'message' must not be empty.",
            _ => "",
        };
        return error.Length == 0 ? payload : null;
    }

    private static Dictionary<string, string> Flatten(Dictionary<string, JsonElement>? metadata) =>
        metadata?.ToDictionary(pair => pair.Key, pair => pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : pair.Value.GetRawText())
        ?? [];

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish a message for bot {BotId}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string botId);
}
