using System.Text.Json.Serialization;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Meta;

/// <summary>The Send API (<c>POST /me/messages</c>, page access token) to the user's page-scoped id, as a response to their message.</summary>
public sealed class MessengerReplier(IReplySender http, ChannelSettings<MetaSettings> metaSettings) : IPlatformReplier
{
    /// <summary>Messenger has no markup: plain text, and buttons as quick replies (at most 13, titles of 20 characters).</summary>
    public async Task SendAsync(MessageReceived message, string text, IReadOnlyList<ReplyButton> buttons, CancellationToken cancellationToken)
    {
        var meta = metaSettings.For(message.BotId);
        if (meta.PageAccessToken is not { Length: > 0 } token)
            throw new ReplyRejectedException("Messenger", $"no page access token is configured for bot '{message.BotId}' (Channels:Meta:PageAccessToken).");
        var quickReplies = buttons.Count == 0 ? null
            : buttons.Take(13).Select(b => new QuickReply("text", b.Title.Length <= 20 ? b.Title : b.Title[..20], b.Payload)).ToList();
        var body = new SendMessage(new Recipient(message.ReplyTo!), "RESPONSE", new Text(ReplyFormats.Plain(text), quickReplies));
        using var response = await http.PostJsonAsync("Messenger Send API", new Uri(meta.GraphApiBase, "me/messages"), body, token, cancellationToken);
    }

    private sealed record SendMessage(
        [property: JsonPropertyName("recipient")] Recipient Recipient,
        [property: JsonPropertyName("messaging_type")] string MessagingType,
        [property: JsonPropertyName("message")] Text Message);

    private sealed record Recipient([property: JsonPropertyName("id")] string Id);

    private sealed record Text(
        [property: JsonPropertyName("text")] string Value,
        [property: JsonPropertyName("quick_replies"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<QuickReply>? QuickReplies);

    private sealed record QuickReply(
        [property: JsonPropertyName("content_type")] string ContentType,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("payload")] string Payload);
}
