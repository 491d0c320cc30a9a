using System.Text.RegularExpressions;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Nlu.Intents;

/// <summary>
/// A button payload that names an intent (<c>/order_status</c>, Rasa's convention): the user chose the intent, so it
/// is taken as certain instead of guessed from the text. Any other payload is text like any message.
/// </summary>
public static partial class IntentPayload
{
    public static IntentPrediction? Read(string text, BotDefinition bot) =>
        Payload().Match(text.Trim()) is { Success: true } match && bot.FindIntent(match.Groups["intent"].Value) is { } intent
            ? new IntentPrediction([new IntentScore(intent.IntentId, 1.0)])
            : null;

    [GeneratedRegex("^/(?<intent>[A-Za-z0-9][A-Za-z0-9_.-]{0,63})$")]
    private static partial Regex Payload();
}
