using System.Net.Http.Headers;
using System.Text;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Twilio;

/// <summary>Twilio's Messages API: an SMS from the number the user texted back to them, with the account SID and auth token.</summary>
public sealed class TwilioReplier(IReplySender http, ChannelSettings<TwilioSettings> twilioSettings) : IPlatformReplier
{
    /// <summary>SMS has no markup and no buttons: plain text, options as a numbered list.</summary>
    public async Task SendAsync(MessageReceived message, string text, IReadOnlyList<ReplyButton> buttons, CancellationToken cancellationToken)
    {
        var twilio = twilioSettings.For(message.BotId);
        if (twilio is not { AccountSid: { Length: > 0 } sid, AuthToken: { Length: > 0 } authToken })
            throw new ReplyRejectedException("Twilio", $"no account SID and auth token are configured for bot '{message.BotId}' (Channels:Twilio).");
        if (message.Metadata.GetValueOrDefault(ReplyMetadata.TwilioTo) is not { Length: > 0 } from)
            throw new ReplyRejectedException("Twilio", $"message {message.MessageId} does not say which number it was sent to.");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sid}:{authToken}"));
        using var response = await http.SendAsync("Twilio Messages API", () => new HttpRequestMessage(HttpMethod.Post,
            new Uri(twilio.ApiBase, $"2010-04-01/Accounts/{Uri.EscapeDataString(sid)}/Messages.json"))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", credentials) },
            Content = new FormUrlEncodedContent([new("To", message.ReplyTo!), new("From", from), new("Body", Body(text, buttons))]),
        }, cancellationToken);
    }

    private static string Body(string text, IReadOnlyList<ReplyButton> buttons) =>
        buttons.Count == 0 ? ReplyFormats.Plain(text) : $"{ReplyFormats.Plain(text)}\n{ReplyFormats.NumberedOptions(buttons)}";
}
