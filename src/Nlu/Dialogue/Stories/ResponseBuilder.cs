using System.Globalization;
using System.Text.RegularExpressions;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Templates;

namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// Turns a named response into the messages sent: one of its variations whose slot conditions hold (conditioned ones
/// first) and that suits the channel, its <c>{slot}</c> placeholders filled as Rasa fills them (an empty slot says
/// None), its image as a link after the text, its buttons kept for the channel to show.
/// </summary>
public static partial class ResponseBuilder
{
    /// <summary>Rasa's channel names for ours.</summary>
    private static readonly Dictionary<string, string> RasaChannels = new(StringComparer.Ordinal)
    {
        [ChannelNames.Messenger] = "facebook", [ChannelNames.Rest] = "rest",
    };

    public static BotMessage? Build(BotDialogue dialogue, string response, DialogueTracker tracker, string channel)
    {
        if (!dialogue.Responses.TryGetValue(response, out var variants) || variants.Count == 0)
            return null;
        var rasaChannel = RasaChannels.GetValueOrDefault(channel, channel);
        var fitting = variants.Where(v => (v.Channel is null || v.Channel == rasaChannel) && Holds(v.Condition, tracker)).ToList();
        var preferred = fitting.Where(v => v.Condition is { Count: > 0 } || v.Channel is not null).ToList();
        var choices = preferred.Count > 0 ? preferred : fitting;
        if (choices.Count == 0)
            return null;
        var variant = choices[Random.Shared.Next(choices.Count)];
        var messages = new List<string>();
        if (variant.Text is { Length: > 0 } text)
            messages.Add(ReplyMarkup.FromHtml(Fill(text, tracker)));
        if (variant.Image is { Length: > 0 } image)
            messages.Add(image);
        return new BotMessage(messages, variant.Buttons is { Count: > 0 } buttons
            ? buttons.Select(b => b with { Title = Fill(b.Title, tracker), Payload = Fill(b.Payload, tracker) }).ToList()
            : null);
    }

    private static bool Holds(IReadOnlyDictionary<string, string?>? condition, DialogueTracker tracker) =>
        condition is null || condition.All(slot => string.Equals(Show(tracker.Slot(slot.Key)), Show(slot.Value), StringComparison.OrdinalIgnoreCase));

    private static string Fill(string text, DialogueTracker tracker) =>
        Placeholder().Replace(text, match => tracker.Slots.ContainsKey(match.Groups[1].Value) ? Show(tracker.Slot(match.Groups[1].Value)) : match.Value);

    /// <summary>A slot's value as Rasa prints it: None when empty, True/False for booleans, whole floats as written.</summary>
    public static string Show(string? value) => value switch
    {
        null => "None",
        "true" or "True" => "True",
        "false" or "False" => "False",
        _ => value,
    };

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>What one action says: its messages and the buttons under the last of them.</summary>
public sealed record BotMessage(IReadOnlyList<string> Texts, IReadOnlyList<ReplyButton>? Buttons);
