using System.Text.Json.Serialization;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.ServiceDefaults.Channels;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Notifications.Platforms;

/// <summary>The Bot API's <c>sendMessage</c> to the chat the update came from. The token is part of the URL, so errors never name it.</summary>
public sealed class TelegramReplier(ReplyHttp http, IOptionsMonitor<ChannelOptions> channels) : IPlatformReplier
{
    public string Channel => ChannelNames.Telegram;

    public async Task SendAsync(MessageReceived message, string text, CancellationToken cancellationToken)
    {
        var telegram = channels.CurrentValue.TelegramFor(message.BotId);
        if (telegram.BotToken is not { Length: > 0 } token)
            throw new ReplyRejectedException("Telegram", $"no bot token is configured for bot '{message.BotId}' (Channels:Telegram:BotToken).");
        // "./": a token ("123:ABC") would otherwise read as a URI scheme.
        using var response = await http.PostJsonAsync("Telegram sendMessage", new Uri(telegram.ApiBase, $"./bot{token}/sendMessage"),
            new SendMessage(message.ReplyTo!, text), bearerToken: null, cancellationToken);
    }

    private sealed record SendMessage([property: JsonPropertyName("chat_id")] string ChatId, [property: JsonPropertyName("text")] string Text);
}
