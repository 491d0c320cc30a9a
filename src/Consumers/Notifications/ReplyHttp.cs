using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatbotPipeline.Channels.Replies;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>
/// Sends a reply request and sorts the answer into delivered, worth retrying (<see cref="ReplyFailedException"/>: the
/// consumer's retry intervals take over) and refused for good (<see cref="ReplyRejectedException"/>). A 429 with a
/// short enough <c>Retry-After</c> is waited out and sent again here, as Slack and Telegram ask. Redirects are not
/// followed (a receiver on the allow-list could send the post to an internal address): a 3xx is a refusal.
/// </summary>
public sealed class ReplyHttp(HttpClient http, IOptions<NotificationOptions> options, TimeProvider time) : IReplySender
{
    private const int ThrottledAttempts = 3;

    /// <summary>The handler of the replies' HttpClient: no redirects.</summary>
    public static SocketsHttpHandler CreateHandler() => new() { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) };

    /// <param name="receiver">Who is called, for errors: never a URL that holds a token.</param>
    /// <param name="request">Builds the request; called again for each attempt, since a request can only be sent once.</param>
    /// <returns>The successful response, for the caller to read and dispose.</returns>
    public async Task<HttpResponseMessage> SendAsync(string receiver, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = request();
            var response = await SendOnceAsync(receiver, message, cancellationToken);
            if (response.IsSuccessStatusCode)
                return response;
            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < ThrottledAttempts && WaitFor(response) is { } wait)
                {
                    await Task.Delay(wait, time, cancellationToken);
                    continue;
                }
                if (status is >= 300 and < 400)
                    throw new ReplyRejectedException(receiver, status);
                if (status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
                    throw new ReplyRejectedException(receiver, status);
                throw new ReplyFailedException(receiver, $"answered HTTP {status}.");
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(string receiver, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            // Headers only: a receiver's body is not ours to buffer (callers that need it read it bounded).
            return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException unreachable)
        {
            throw new ReplyFailedException(receiver, $"could not be reached ({unreachable.Message}).", unreachable);
        }
        catch (TaskCanceledException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplyFailedException(receiver, $"did not answer within {http.Timeout.TotalSeconds:0} s.", timeout);
        }
    }

    /// <summary>Posts <paramref name="body"/> as JSON, with a bearer token when there is one.</summary>
    public Task<HttpResponseMessage> PostJsonAsync<T>(string receiver, Uri url, T body, string? bearerToken, CancellationToken cancellationToken) =>
        SendAsync(receiver, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            if (bearerToken is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
            return request;
        }, cancellationToken);

    /// <summary>The wait the receiver asked for, when it is one worth waiting here.</summary>
    private TimeSpan? WaitFor(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is null)
            return null;
        var bounded = wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value;
        return bounded <= TimeSpan.FromSeconds(options.Value.MaxRetryAfterSeconds) ? bounded : null;
    }
}
