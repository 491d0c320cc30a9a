using System.Net;
using System.Net.Http.Json;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>Posts replies to callback URLs; a failure the receiver may recover from throws so the consumer retries.</summary>
public sealed class ReplyCallbackClient(HttpClient http)
{
    /// <exception cref="CallbackRejectedException">The receiver refused the reply for good.</exception>
    /// <exception cref="HttpRequestException">The receiver failed or could not be reached; worth retrying.</exception>
    public async Task SendAsync(Uri callback, ReplyCallback reply, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(callback, reply, cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
            return;
        if (status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
            throw new CallbackRejectedException(callback, status);
        throw new HttpRequestException($"Callback answered HTTP {status}.", null, response.StatusCode);
    }
}
