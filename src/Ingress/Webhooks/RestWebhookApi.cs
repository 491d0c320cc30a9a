using System.Globalization;
using System.Text.Json;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Channels;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Ingress.ApiDocument;
using ChatbotPipeline.Ingress.ChatStream;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary><c>POST /webhooks/rest/{botId}</c>: Rasa's REST channel shape, answered as soon as the message is on the bus.</summary>
public static class RestWebhookApi
{
    /// <summary>Bodies above 16 KB are refused with 413: no chat message needs more.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Metadata key whose value, an http(s) URL, receives the bot's replies.</summary>
    public const string CallbackUrlKey = "callback_url";

    public const string Channel = ChannelNames.Rest;

    /// <summary>Header a web-chat page sends its session token in: its conversation's replies then go to the page's stream.</summary>
    public const string ChatSessionHeader = "X-Chat-Session";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost($"/webhooks/{Channel}/{{botId}}", Receive).WithMetadata(new WebhookChannel(Channel))
            .WithSummary("Post a user message (Rasa's REST channel shape)")
            .WithDescription("202 once the message is queued; replies go to metadata.callback_url, the chat stream (when the request carries its session token in X-Chat-Session), or both. A repeated message_id answers 200 with the first message's id.")
            .DocumentsBody<RestWebhookRequest>("application/json")
            .ProducesWebhookProblems();

    private static async Task<Results<Accepted<WebhookAccepted>, Ok<WebhookAccepted>, ProblemHttpResult>> Receive(
        string botId, HttpContext context, IBotStore bots, MessageIntake intake, CallbackPolicy callbacks, ChatSessionTokens sessions,
        ChannelCatalog channels, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await WebhookBody.ReadAsync(context.Request, MaxBodyBytes, cancellationToken);
        if (body is null)
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes.");
        if (Parse(body, channels, out var error) is not { } payload)
            return Problem(StatusCodes.Status400BadRequest, error);
        if (await bots.GetRevisionAsync(botId, cancellationToken) is null)
            return Problem(StatusCodes.Status404NotFound, $"There is no bot '{botId}'.");

        var metadata = Flatten(payload.Metadata);
        var callbackUrl = metadata.GetValueOrDefault(CallbackUrlKey);
        if (callbackUrl is not null && callbacks.Refusal(callbackUrl) is { } refusal)
            return Problem(StatusCodes.Status400BadRequest, refusal);
        var session = context.Request.Headers[ChatSessionHeader].ToString();
        if (session.Length > 0 && !sessions.Opens(botId, payload.Sender!, session))
            return Problem(StatusCodes.Status403Forbidden, $"The {ChatSessionHeader} token does not open this bot's conversation '{payload.Sender}' (or has expired): start a new session.");
        var inbound = new InboundMessage(payload.MessageId, payload.Sender!, payload.Sender!, payload.Message!, callbackUrl, metadata);
        var message = inbound.Received(botId, Channel, time.GetUtcNow(), liveChat: session.Length > 0);
        var result = await intake.AdmitAsync(message, inbound.PlatformMessageId, cancellationToken);
        var answer = new WebhookAccepted(result.MessageId, message.ConversationId);
        // Escaped: a header carries ASCII only, and an id like "José" written raw failed the response after the message was taken.
        var location = $"/api/bots/{botId}/conversations/{Uri.EscapeDataString(message.ConversationId)}";
        switch (result.Outcome)
        {
            case IntakeOutcome.Duplicate:
                return TypedResults.Ok(answer);
            case IntakeOutcome.RateLimited:
                context.Response.Headers.RetryAfter = Seconds(result.RetryAfter);
                return Problem(StatusCodes.Status429TooManyRequests, $"{result.Reason}; retry after the Retry-After seconds.");
            case IntakeOutcome.InFlight:
                context.Response.Headers.RetryAfter = Seconds(result.RetryAfter);
                return Problem(StatusCodes.Status503ServiceUnavailable, "This message_id is being queued by another request right now; retry after the Retry-After seconds.");
            case IntakeOutcome.Unavailable:
                context.Response.Headers.RetryAfter = Seconds(result.RetryAfter);
                return Problem(StatusCodes.Status503ServiceUnavailable, "The message could not be queued; retry after the Retry-After seconds.");
            default:
                return TypedResults.Accepted(location, answer);
        }
    }

    private static RestWebhookRequest? Parse(byte[] body, ChannelCatalog channels, out string error)
    {
        RestWebhookRequest? payload;
        try
        {
            payload = JsonSerializer.Deserialize<RestWebhookRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            error = JsonErrors.Describe(exception) + " Send {\"sender\": \"…\", \"message\": \"…\"}.";
            return null;
        }
        error = payload switch
        {
            null => "The body must be a JSON object.",
            { Sender: null or "" } => "'sender' is required.",
            { Sender.Length: > 256 } => "'sender' must be at most 256 characters.",
            { Sender: var sender } when sender.Any(char.IsControl) => "'sender' must not contain control characters.",
            { Sender: var sender } when channels.PrefixOf(sender) is { } platform =>
                $"'sender' may not start with '{platform}:': that names a {platform} conversation, which only its platform's webhook can write to.",
            { Message: null } => "'message' is required.",
            { Message: var text } when string.IsNullOrWhiteSpace(text) => "'message' must not be empty.",
            { MessageId: "" } => "'message_id' must not be empty when given.",
            { MessageId.Length: > 256 } => "'message_id' must be at most 256 characters.",
            _ => "",
        };
        return error.Length == 0 ? payload : null;
    }

    private static Dictionary<string, string> Flatten(Dictionary<string, JsonElement>? metadata) =>
        metadata?.ToDictionary(pair => pair.Key, pair => pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : pair.Value.GetRawText())
        ?? [];

    private static string Seconds(TimeSpan wait) => Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);
}
