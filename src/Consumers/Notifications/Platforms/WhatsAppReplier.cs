using System.Text.Json.Serialization;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.ServiceDefaults.Channels;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Notifications.Platforms;

/// <summary>WhatsApp Cloud's <c>POST /{phone-number-id}/messages</c>: a text message to the user's number from the bot's number.</summary>
public sealed class WhatsAppReplier(ReplyHttp http, IOptionsMonitor<ChannelOptions> channels) : IPlatformReplier
{
    public string Channel => ChannelNames.WhatsApp;

    public async Task SendAsync(MessageReceived message, string text, CancellationToken cancellationToken)
    {
        var options = channels.CurrentValue;
        var whatsApp = options.WhatsAppFor(message.BotId);
        if (whatsApp.AccessToken is not { Length: > 0 } token)
            throw new ReplyRejectedException("WhatsApp", $"no access token is configured for bot '{message.BotId}' (Channels:WhatsApp:AccessToken).");
        if ((whatsApp.PhoneNumberId ?? message.Metadata.GetValueOrDefault(ReplyMetadata.WhatsAppPhoneNumberId)) is not { Length: > 0 } number)
            throw new ReplyRejectedException("WhatsApp", $"no phone number id for bot '{message.BotId}' (Channels:WhatsApp:PhoneNumberId).");
        var body = new SendMessage("whatsapp", "individual", message.ReplyTo!, "text", new Text(false, text));
        using var response = await http.PostJsonAsync("WhatsApp Cloud API",
            new Uri(options.MetaFor(message.BotId).GraphApiBase, $"{Uri.EscapeDataString(number)}/messages"), body, token, cancellationToken);
    }

    private sealed record SendMessage(
        [property: JsonPropertyName("messaging_product")] string MessagingProduct,
        [property: JsonPropertyName("recipient_type")] string RecipientType,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("text")] Text Text);

    private sealed record Text([property: JsonPropertyName("preview_url")] bool PreviewUrl, [property: JsonPropertyName("body")] string Body);
}
