using System.Globalization;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Telegram;

/// <summary>A Bot API <c>Update</c>: the fields of a text message or a button press the pipeline reads.</summary>
public sealed record TelegramUpdate(long? UpdateId, TelegramMessage? Message, TelegramCallbackQuery? CallbackQuery);

public sealed record TelegramMessage(long MessageId, TelegramUser? From, TelegramChat? Chat, string? Text);

public sealed record TelegramUser(long Id, bool IsBot, string? FirstName = null);

public sealed record TelegramChat(long Id, string? Type);

/// <summary>A press of an inline keyboard button: <c>data</c> is the button's payload.</summary>
public sealed record TelegramCallbackQuery(string? Id, TelegramUser? From, TelegramMessage? Message, string? Data);

/// <summary>Turns an update into the message a bot should answer, if there is one.</summary>
public static class TelegramPayload
{
    public static InboundBatch Read(TelegramUpdate update)
    {
        if (update.UpdateId is not { } updateId)
            return InboundBatch.Malformed("'update_id' is required.");
        var id = updateId.ToString(CultureInfo.InvariantCulture);
        if (update.Message is { } message)
        {
            // Edits, channel posts, member updates and media without a caption carry nothing to answer.
            if (message.Chat is not { } chat || message.From is not { IsBot: false } from || string.IsNullOrWhiteSpace(message.Text))
                return InboundBatch.Nothing;
            return InboundBatch.Of(Inbound(id, chat, from, message.Text, new Dictionary<string, string>()));
        }
        if (update.CallbackQuery is { From: { IsBot: false } presser, Message.Chat: { } buttonChat, Data: { Length: > 0 } data } query)
            return InboundBatch.Of(Inbound(id, buttonChat, presser, data,
                query.Id is { Length: > 0 } queryId ? new Dictionary<string, string> { [ReplyMetadata.TelegramCallbackQueryId] = queryId } : []));
        return InboundBatch.Nothing;
    }

    private static InboundMessage Inbound(string updateId, TelegramChat chat, TelegramUser from, string text, Dictionary<string, string> metadata)
    {
        var chatId = chat.Id.ToString(CultureInfo.InvariantCulture);
        if (from.FirstName is { Length: > 0 } name)
            metadata[ReplyMetadata.Username] = name;
        return new InboundMessage(updateId, $"telegram:{chatId}", from.Id.ToString(CultureInfo.InvariantCulture), text.Trim(), chatId, metadata);
    }
}
