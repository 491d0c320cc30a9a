using System.Text.Json.Serialization;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>
/// The body posted to a callback URL: the bot's messages in Rasa's callback shape (<c>recipient_id</c>, <c>text</c>)
/// plus the ids and NLU verdict a receiver needs to match and deduplicate them.
/// </summary>
public sealed record ReplyCallback(
    string MessageId,
    string BotId,
    string ConversationId,
    string Intent,
    double Confidence,
    string DialogueState,
    IReadOnlyList<CallbackMessage> Messages)
{
    public static ReplyCallback From(MessageUnderstood understood)
    {
        var message = understood.Message;
        return new ReplyCallback(message.MessageId, message.BotId, message.ConversationId, understood.Intent, understood.Confidence,
            understood.DialogueState, understood.Replies.Select((text, index) => new CallbackMessage(message.SenderId, text,
                index == understood.Replies.Count - 1 && understood.Buttons is { Count: > 0 } buttons ? buttons : null)).ToList());
    }
}

/// <summary>One message of the bot to the user, in reply Markdown; buttons (Rasa's shape: title and payload) under the last.</summary>
public sealed record CallbackMessage(
    [property: JsonPropertyName("recipient_id")] string RecipientId,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReplyButton>? Buttons = null);
