using System.Net.Http.Json;
using ChatbotPipeline.Channels.Replies;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>
/// Posts the REST channel's replies, all in one body, to the message's callback URL, with the message id as
/// <c>Idempotency-Key</c>: delivery is at least once (a consumer killed between the receiver's 2xx and its delivery
/// mark sends again after the claim expires), so a receiver that must show each reply once drops a key it has seen.
/// </summary>
public sealed class ReplyCallbackClient(ReplyHttp http)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <exception cref="ReplyRejectedException">The receiver refused the reply for good.</exception>
    /// <exception cref="HttpRequestException">The receiver failed or could not be reached; worth retrying.</exception>
    public async Task SendAsync(Uri callback, ReplyCallback reply, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync($"Callback {callback.GetLeftPart(UriPartial.Path)}",
            () => new HttpRequestMessage(HttpMethod.Post, callback)
            {
                Content = JsonContent.Create(reply),
                Headers = { { IdempotencyHeader, reply.MessageId } },
            }, cancellationToken);
    }
}
