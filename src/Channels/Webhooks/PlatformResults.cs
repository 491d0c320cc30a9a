using ChatbotPipeline.Channels.Verification;

namespace ChatbotPipeline.Channels.Webhooks;

/// <summary>The answers every platform webhook shares: problem details with a reason for each way a request is refused.</summary>
public static class PlatformResults
{
    /// <summary>Platform bodies are larger than the REST channel's (Slack blocks, Meta batches), but never this large.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IResult NotConfigured(string platform, string botId) =>
        Problem(StatusCodes.Status404NotFound, $"{platform} is not configured for bot '{botId}'.");

    public static IResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes.");

    public static IResult Refused(SignatureCheck check) => Problem(check.HttpStatus, check.Reason!);

    public static IResult Malformed(string error) => Problem(StatusCodes.Status400BadRequest, error);

    public static IResult UnknownBot(string botId) => Problem(StatusCodes.Status404NotFound, $"There is no bot '{botId}'.");

    public static IResult RetryLater(TimeSpan retryAfter) => new WithRetryAfter(retryAfter,
        Problem(StatusCodes.Status503ServiceUnavailable, "The message could not be queued; the platform's retry will be taken."));

    private static IResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);

    /// <summary>A result that also tells the caller when to try again.</summary>
    private sealed class WithRetryAfter(TimeSpan wait, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
