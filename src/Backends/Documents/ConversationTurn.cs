using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Backends.Documents;

/// <summary>One exchange of a conversation: what the user said, what the bot understood and answered.</summary>
/// <param name="NluMilliseconds">Time NLU spent on the message (null for turns stored before it was recorded).</param>
/// <param name="Action">How the intent's API call went, when it has one.</param>
/// <param name="Buttons">The buttons offered under the replies.</param>
public sealed record ConversationTurn(
    string MessageId,
    string BotId,
    string ConversationId,
    string Channel,
    string SenderId,
    string Text,
    string Intent,
    double Confidence,
    IReadOnlyList<ExtractedEntity> Entities,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Replies,
    string DialogueState,
    string? ModelVersion,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ProcessedAt,
    IReadOnlyList<IntentCandidate>? Ranking = null,
    double? NluMilliseconds = null,
    ActionOutcome? Action = null,
    IReadOnlyList<ReplyButton>? Buttons = null)
{
    /// <summary>The turn recorded for an understood message.</summary>
    public static ConversationTurn From(MessageUnderstood understood)
    {
        var message = understood.Message;
        return new ConversationTurn(message.MessageId, message.BotId, message.ConversationId, message.Channel, message.SenderId,
            message.Text, understood.Intent, understood.Confidence, understood.Entities, understood.Parameters, understood.Replies,
            understood.DialogueState, understood.ModelVersion, message.ReceivedAt, understood.ProcessedAt, understood.Ranking,
            understood.NluMilliseconds, understood.Action, understood.Buttons);
    }
}
