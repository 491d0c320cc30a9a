using System.Text.Json;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// The buttons the bot last offered a conversation. Where a channel shows them as a numbered list (SMS, WhatsApp
/// beyond three) the user answers "2" or the title: that answer says the button's payload, as a press would.
/// </summary>
public sealed class OfferedChoices(ICacheStore cache)
{
    /// <summary>The payload the answer picks (or the text itself when it picks none), and whether buttons were on offer.</summary>
    public async Task<ChoiceAnswer> ResolveAsync(string botId, string conversationId, string text, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(Key(botId, conversationId), cancellationToken) is not { } json)
            return new ChoiceAnswer(text, Offered: false);
        if (JsonSerializer.Deserialize<List<ReplyButton>>(json, JsonSerializerOptions.Web) is not { Count: > 0 } offered)
            return new ChoiceAnswer(text, Offered: true);
        var answer = text.Trim().TrimEnd('.', ')');
        if (int.TryParse(answer, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= offered.Count)
            return new ChoiceAnswer(offered[number - 1].Payload, Offered: true);
        return new ChoiceAnswer(offered.FirstOrDefault(b => string.Equals(b.Title, answer, StringComparison.OrdinalIgnoreCase))?.Payload ?? text, Offered: true);
    }

    /// <summary>Keeps the buttons just offered, or forgets the earlier ones — a round trip only when there is something to keep or forget.</summary>
    public Task RememberAsync(string botId, string conversationId, IReadOnlyList<ReplyButton>? buttons, bool wereOffered, TimeSpan timeToLive,
        CancellationToken cancellationToken) =>
        buttons is { Count: > 0 } ? cache.SetAsync(Key(botId, conversationId), JsonSerializer.Serialize(buttons, JsonSerializerOptions.Web), timeToLive, cancellationToken)
        : wereOffered ? cache.RemoveAsync(Key(botId, conversationId), cancellationToken)
        : Task.CompletedTask;

    private static string Key(string botId, string conversationId) => $"offered:{botId}:{conversationId}";
}

/// <summary>What a message says once offered buttons are taken into account.</summary>
/// <param name="Said">The message's text, or the payload of the offered button it names.</param>
/// <param name="Offered">Whether buttons were on offer when it came (so there are some to forget).</param>
public sealed record ChoiceAnswer(string Said, bool Offered);
