using System.Text.Json.Serialization;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Telegram;

/// <summary>The Bot API's <c>sendMessage</c> to the chat the update came from. The token is part of the URL, so errors never name it.</summary>
public sealed class TelegramReplier(IReplySender http, ChannelSettings<TelegramSettings> telegramSettings) : IPlatformReplier
{
    public async Task SendAsync(MessageReceived message, string text, IReadOnlyList<ReplyButton> buttons, CancellationToken cancellationToken)
    {
        // An inline keyboard, one button a row; a press comes back as a callback_query with the payload as its data.
        var keyboard = buttons.Count == 0 ? null : new { inline_keyboard = buttons.Select(b => new[] { new { text = b.Title, callback_data = b.Payload } }).ToArray() };
        using var response = await http.PostJsonAsync("Telegram sendMessage", Method(message, "sendMessage"),
            new SendMessage(message.ReplyTo!, ReplyFormats.TelegramHtml(text), "HTML", keyboard), bearerToken: null, cancellationToken);
    }

    /// <summary>Stops the spinner on the inline button the user pressed (<c>answerCallbackQuery</c>).</summary>
    public async Task AcknowledgeAsync(MessageReceived message, CancellationToken cancellationToken)
    {
        if (message.Metadata.GetValueOrDefault(ReplyMetadata.TelegramCallbackQueryId) is not { Length: > 0 } queryId)
            return;
        using var response = await http.PostJsonAsync("Telegram answerCallbackQuery", Method(message, "answerCallbackQuery"),
            new AnswerCallbackQuery(queryId), bearerToken: null, cancellationToken);
    }

    private Uri Method(MessageReceived message, string method)
    {
        var telegram = telegramSettings.For(message.BotId);
        if (telegram.BotToken is not { Length: > 0 } token)
            throw new ReplyRejectedException("Telegram", $"no bot token is configured for bot '{message.BotId}' (Channels:Telegram:BotToken).");
        // "./": a token ("123:ABC") would otherwise read as a URI scheme.
        return new Uri(telegram.ApiBase, $"./bot{token}/{method}");
    }

    private sealed record SendMessage(
        [property: JsonPropertyName("chat_id")] string ChatId,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("parse_mode")] string ParseMode,
        [property: JsonPropertyName("reply_markup"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? ReplyMarkup);

    private sealed record AnswerCallbackQuery([property: JsonPropertyName("callback_query_id")] string CallbackQueryId);
}
