using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Replies;

/// <summary>Sends one of the bot's replies through a chat platform's API to where the message came from.</summary>
public interface IPlatformReplier
{
    /// <param name="text">The reply in reply Markdown; the replier writes it in the platform's markup.</param>
    /// <param name="buttons">Buttons to offer under this reply (the last of a message's replies), shown the platform's way.</param>
    /// <exception cref="ReplyRejectedException">The platform refused the reply for good, or the bot has no credentials for it.</exception>
    /// <exception cref="HttpRequestException">The platform failed or could not be reached; worth retrying.</exception>
    Task SendAsync(MessageReceived message, string text, IReadOnlyList<ReplyButton> buttons, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the platform the message was handled, once, after its replies went out, where the platform asks for it
    /// (Telegram's inline-button presses); nothing elsewhere.
    /// </summary>
    Task AcknowledgeAsync(MessageReceived message, CancellationToken cancellationToken) => Task.CompletedTask;
}
