using System.Text.Json.Serialization;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Meta;

/// <summary>WhatsApp Cloud's <c>POST /{phone-number-id}/messages</c>: a text message to the user's number from the bot's number.</summary>
public sealed class WhatsAppReplier(IReplySender http, ChannelSettings<WhatsAppSettings> whatsAppSettings, ChannelSettings<MetaSettings> metaSettings) : IPlatformReplier
{
    /// <summary>Up to three buttons as interactive reply buttons (titles of 20 characters); more as a numbered list.</summary>
    public async Task SendAsync(MessageReceived message, string text, IReadOnlyList<ReplyButton> buttons, CancellationToken cancellationToken)
    {
        var whatsApp = whatsAppSettings.For(message.BotId);
        if (whatsApp.AccessToken is not { Length: > 0 } token)
            throw new ReplyRejectedException("WhatsApp", $"no access token is configured for bot '{message.BotId}' (Channels:WhatsApp:AccessToken).");
        if ((whatsApp.PhoneNumberId ?? message.Metadata.GetValueOrDefault(ReplyMetadata.WhatsAppPhoneNumberId)) is not { Length: > 0 } number)
            throw new ReplyRejectedException("WhatsApp", $"no phone number id for bot '{message.BotId}' (Channels:WhatsApp:PhoneNumberId).");
        var formatted = ReplyFormats.WhatsApp(text);
        object body = buttons.Count is > 0 and <= 3
            ? new
            {
                messaging_product = "whatsapp", recipient_type = "individual", to = message.ReplyTo!, type = "interactive",
                interactive = new
                {
                    type = "button",
                    body = new { text = formatted },
                    action = new { buttons = buttons.Select(b => new { type = "reply", reply = new { id = b.Payload, title = b.Title.Length <= 20 ? b.Title : b.Title[..20] } }).ToArray() },
                },
            }
            : new SendMessage("whatsapp", "individual", message.ReplyTo!, "text",
                new Text(false, buttons.Count == 0 ? formatted : $"{formatted}\n{ReplyFormats.NumberedOptions(buttons)}"));
        using var response = await http.PostJsonAsync("WhatsApp Cloud API",
            new Uri(metaSettings.For(message.BotId).GraphApiBase, $"{Uri.EscapeDataString(number)}/messages"), body, token, cancellationToken);
    }

    private sealed record SendMessage(
        [property: JsonPropertyName("messaging_product")] string MessagingProduct,
        [property: JsonPropertyName("recipient_type")] string RecipientType,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("text")] Text Text);

    private sealed record Text([property: JsonPropertyName("preview_url")] bool PreviewUrl, [property: JsonPropertyName("body")] string Body);
}
