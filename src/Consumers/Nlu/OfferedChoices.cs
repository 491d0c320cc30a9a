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
    /// <summary>The payload the answer picks, or the text itself when it picks none.</summary>
    public async Task<string> ResolveAsync(string botId, string conversationId, string text, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(Key(botId, conversationId), cancellationToken) is not { } json
            || JsonSerializer.Deserialize<List<ReplyButton>>(json, JsonSerializerOptions.Web) is not { Count: > 0 } offered)
            return text;
        var answer = text.Trim().TrimEnd('.', ')');
        if (int.TryParse(answer, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= offered.Count)
            return offered[number - 1].Payload;
        return offered.FirstOrDefault(b => string.Equals(b.Title, answer, StringComparison.OrdinalIgnoreCase))?.Payload ?? text;
    }

    /// <summary>Remembers what this answer offers (for as long as the conversation's context lives), or forgets the last offer.</summary>
    public Task RememberAsync(string botId, string conversationId, IReadOnlyList<ReplyButton>? buttons, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        buttons is { Count: > 0 }
            ? cache.SetAsync(Key(botId, conversationId), JsonSerializer.Serialize(buttons, JsonSerializerOptions.Web), timeToLive, cancellationToken)
            : cache.RemoveAsync(Key(botId, conversationId), cancellationToken);

    private static string Key(string botId, string conversationId) => $"offered:{botId}:{conversationId}";
}
