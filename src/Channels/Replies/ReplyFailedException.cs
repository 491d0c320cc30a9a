namespace ChatbotPipeline.Channels.Replies;

/// <summary>
/// The receiver failed or could not be reached (connection refused, timeout, 5xx, 408, 429): worth retrying, and the
/// consumer's retry intervals take over. An <see cref="HttpRequestException"/>, so retry policies that handle those
/// handle it; logged as one line (receiver and cause), since the stack of a refused connection tells an operator nothing.
/// </summary>
public sealed class ReplyFailedException(string receiver, string cause, Exception? inner = null)
    : HttpRequestException($"{receiver}: {cause}", inner)
{
    public override string? StackTrace => null;

    public override string ToString() => $"{nameof(ReplyFailedException)}: {Message}";
}
