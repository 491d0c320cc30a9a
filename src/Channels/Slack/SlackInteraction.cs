using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatbotPipeline.Channels.Slack;

/// <summary>
/// A press of one of the bot's Block Kit buttons: Slack posts it to the app's Interactivity request URL (this same
/// webhook) as a form with one field, <c>payload</c>, holding <c>block_actions</c> JSON. The press becomes the user's
/// next message, saying the button's value (its payload); other interactions are acknowledged and ignored.
/// </summary>
public static class SlackInteraction
{
    /// <summary>True for a form body (interactivity) rather than Events API JSON.</summary>
    public static bool IsForm(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    public static InboundBatch Read(byte[] body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payloadJson) || payloadJson.Count != 1)
            return InboundBatch.Malformed("An interactivity request needs one 'payload' field.");
        BlockActions? payload;
        try
        {
            payload = JsonSerializer.Deserialize<BlockActions>(payloadJson[0]!);
        }
        catch (JsonException exception)
        {
            return InboundBatch.Malformed(JsonErrors.Describe(exception, "'payload'"));
        }
        if (payload is not { Type: "block_actions" })
            return InboundBatch.Nothing;
        if (payload is not { User.Id: { Length: > 0 } user, Channel.Id: { Length: > 0 } channel, Actions: [{ Value: { Length: > 0 } value, ActionTs: { Length: > 0 } at }, ..] })
            return InboundBatch.Malformed("'user.id', 'channel.id' and an action with a 'value' and 'action_ts' are required.");
        var metadata = new Dictionary<string, string>();
        if (payload.Container?.ThreadTs is { Length: > 0 } thread)
            metadata[ReplyMetadata.SlackThreadTs] = thread;
        var conversation = payload.Team?.Id is { Length: > 0 } team ? $"slack:{team}:{channel}" : $"slack:{channel}";
        // One press is one message: the user and the press's own time name it across Slack's retries.
        return InboundBatch.Of(new InboundMessage($"action:{user}:{at}", conversation, user, value, channel, metadata));
    }

    private sealed record BlockActions(
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("user")] Named? User,
        [property: JsonPropertyName("team")] Named? Team,
        [property: JsonPropertyName("channel")] Named? Channel,
        [property: JsonPropertyName("container")] Container? Container,
        [property: JsonPropertyName("actions")] List<Action>? Actions);

    private sealed record Named([property: JsonPropertyName("id")] string? Id);

    private sealed record Container([property: JsonPropertyName("thread_ts")] string? ThreadTs);

    private sealed record Action([property: JsonPropertyName("value")] string? Value, [property: JsonPropertyName("action_ts")] string? ActionTs);
}
