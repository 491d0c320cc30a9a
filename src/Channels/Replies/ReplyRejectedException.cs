namespace ChatbotPipeline.Channels.Replies;

/// <summary>
/// The receiver refused the reply for good (a 4xx other than 408 or 429, a platform error such as an unknown chat, or
/// credentials that are not configured): retrying cannot help, so the message goes straight to the error queue with this.
/// </summary>
public sealed class ReplyRejectedException(string receiver, string reason) : Exception($"{receiver} rejected the reply: {reason}")
{
    public ReplyRejectedException(string receiver, int statusCode) : this(receiver, $"HTTP {statusCode}.")
    {
    }

    // One line in the fault log: the receiver and its answer are the whole story.
    public override string? StackTrace => null;

    public override string ToString() => $"{nameof(ReplyRejectedException)}: {Message}";
}
