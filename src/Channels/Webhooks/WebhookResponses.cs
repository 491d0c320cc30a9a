namespace ChatbotPipeline.Channels.Webhooks;

/// <summary>The answers every webhook can give, for the API document.</summary>
public static class WebhookResponses
{
    /// <summary>400 unreadable, 401 signature, 404 bot, 413 too large, 429 sender rate, 503 bus or claim store unavailable (Retry-After).</summary>
    public static RouteHandlerBuilder ProducesWebhookProblems(this RouteHandlerBuilder route) => route
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
