using System.Net.Http.Json;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>Posts the REST channel's replies, all in one body, to the message's callback URL.</summary>
public sealed class ReplyCallbackClient(ReplyHttp http)
{
    /// <exception cref="ReplyRejectedException">The receiver refused the reply for good.</exception>
    /// <exception cref="HttpRequestException">The receiver failed or could not be reached; worth retrying.</exception>
    public async Task SendAsync(Uri callback, ReplyCallback reply, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync($"Callback {callback.GetLeftPart(UriPartial.Path)}",
            () => new HttpRequestMessage(HttpMethod.Post, callback) { Content = JsonContent.Create(reply) }, cancellationToken);
    }
}
