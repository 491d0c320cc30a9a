namespace ChatbotPipeline.Channels.Replies;

/// <summary>
/// Sends a replier's request and sorts the answer: delivered (the response), worth retrying
/// (<see cref="ReplyFailedException"/>) or refused for good (<see cref="ReplyRejectedException"/>). The notification
/// consumer's HTTP client implements it: timeouts, throttling and redirects are its business, not a channel's.
/// </summary>
public interface IReplySender
{
    /// <param name="receiver">Who is called, for errors: never a URL that holds a token.</param>
    /// <param name="request">Builds the request; called again for each attempt, since a request can only be sent once.</param>
    /// <returns>The successful response, for the caller to read and dispose.</returns>
    Task<HttpResponseMessage> SendAsync(string receiver, Func<HttpRequestMessage> request, CancellationToken cancellationToken);

    /// <summary>Posts <paramref name="body"/> as JSON, with a bearer token when there is one.</summary>
    Task<HttpResponseMessage> PostJsonAsync<T>(string receiver, Uri url, T body, string? bearerToken, CancellationToken cancellationToken);
}
