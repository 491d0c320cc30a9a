using System.Diagnostics;
using System.Net;
using System.Text;
using ChatbotPipeline.ServiceDefaults.Http;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// Makes an intent's API call: each attempt bounded by the timeout, retried with doubling backoff after a 5xx, 408,
/// 429, timeout or dropped connection, never after another 4xx or a refused host. Every attempt carries the same
/// <c>Idempotency-Key</c> (the message id), so an API that honours it does the work once across retries and redeliveries.
/// Redirects are not followed, and an answer is read only up to <see cref="ActionOptions.MaxResponseBytes"/>.
/// </summary>
public sealed partial class ActionCaller(HttpClient http, IOptions<ActionOptions> options, ILogger<ActionCaller> logger)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public async Task<ActionCallResult> CallAsync(ActionRequest request, string idempotencyKey, bool internalAllowed, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var clock = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        for (var attempt = 1; attempt <= settings.Attempts; attempt++)
        {
            if (attempt > 1)
                await Task.Delay(TimeSpan.FromMilliseconds(settings.BackoffMilliseconds * (1 << (attempt - 2))), cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            try
            {
                using var message = Build(request, idempotencyKey, internalAllowed);
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                status = (int)response.StatusCode;
                if (await BoundedBody.ReadAsync(response.Content, settings.MaxResponseBytes, timeout.Token) is not { } body)
                {
                    // Asking again would be answered as much again, and the API has done its work: a failure, not retried.
                    error = $"{request.Url.IdnHost} answered more than {settings.MaxResponseBytes:N0} bytes; the answer was not read.";
                    return Failed(attempt);
                }
                if (response.IsSuccessStatusCode)
                    return new ActionCallResult(status, body, clock.Elapsed.TotalMilliseconds, attempt, null);
                error = $"{request.Url.IdnHost} answered {status} {response.ReasonPhrase}";
                if (!Retryable(response.StatusCode))
                    return Failed(attempt);
            }
            catch (HttpRequestException exception) when (exception.InnerException is ActionRefusedException refused)
            {
                error = refused.Message;
                return Failed(attempt - 1);
            }
            catch (HttpRequestException exception)
            {
                status = null;
                error = $"{request.Url.IdnHost} could not be reached: {exception.Message}";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                status = null;
                error = $"{request.Url.IdnHost} did not answer within {settings.TimeoutSeconds} s";
            }
            LogAttemptFailed(attempt, error);
        }
        return Failed(settings.Attempts);

        ActionCallResult Failed(int attempts) => new(status, null, clock.Elapsed.TotalMilliseconds, attempts, error);
    }

    private static HttpRequestMessage Build(ActionRequest request, string idempotencyKey, bool internalAllowed)
    {
        var message = new HttpRequestMessage(request.Method, request.Url);
        if (request.JsonBody is { } body)
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        // Content headers (Content-Type and the like) go on the body, every other header on the request.
        foreach (var (name, value) in request.Headers)
            if (!message.Headers.TryAddWithoutValidation(name, value))
                (message.Content ??= new ByteArrayContent([])).Headers.TryAddWithoutValidation(name, value);
        message.Headers.TryAddWithoutValidation(IdempotencyHeader, idempotencyKey);
        message.Options.Set(ActionHttpHandler.InternalAllowed, internalAllowed);
        return message;
    }

    private static bool Retryable(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    [LoggerMessage(Level = LogLevel.Warning, Message = "API call attempt {Attempt} failed: {Reason}")]
    private partial void LogAttemptFailed(int attempt, string reason);
}
