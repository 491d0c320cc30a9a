using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Ingress.Tests.Channels.Echo;

/// <summary>Sends each reply to the echo platform's <c>send</c> API: <c>{"to", "text"}</c>.</summary>
public sealed class EchoReplier(IReplySender http, ChannelSettings<EchoSettings> settings) : IPlatformReplier
{
    public async Task SendAsync(MessageReceived message, string text, IReadOnlyList<ReplyButton> buttons, CancellationToken cancellationToken)
    {
        if (settings.For(message.BotId).ApiBaseUrl is not { Length: > 0 } api)
            throw new ReplyRejectedException("Echo", $"no API address for bot '{message.BotId}' (Channels:Echo:ApiBaseUrl).");
        using var response = await http.PostJsonAsync("Echo send", new Uri(new Uri(api.TrimEnd('/') + "/"), "send"),
            new { to = message.ReplyTo, text }, bearerToken: null, cancellationToken);
    }
}
