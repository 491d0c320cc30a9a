using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.ServiceDefaults.Http;

namespace ChatbotPipeline.Channels.Slack;

/// <summary>
/// Slack's <c>chat.postMessage</c> with the bot token, in the message's thread when it had one. Slack answers errors
/// with HTTP 200 and <c>ok: false</c>: its transient ones are retried, the rest (an unknown channel, a revoked token)
/// refused for good.
/// </summary>
public sealed class SlackReplier(IReplySender http, ChannelSettings<SlackSettings> slackSettings) : IPlatformReplier
{
    /// <summary>The most of Slack's JSON verdict that is read; the rest is never buffered.</summary>
    private const int MaxVerdictBytes = 64 * 1024;

    private static readonly HashSet<string> TransientErrors = ["internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"];

    public async Task SendAsync(MessageReceived message, string text, IReadOnlyList<ReplyButton> buttons, CancellationToken cancellationToken)
    {
        var slack = slackSettings.For(message.BotId);
        if (slack.BotToken is not { Length: > 0 } token)
            throw new ReplyRejectedException("Slack", $"no bot token is configured for bot '{message.BotId}' (Channels:Slack:BotToken).");
        var mrkdwn = ReplyFormats.Slack(text);
        var body = new PostMessage(message.ReplyTo!, mrkdwn, message.Metadata.GetValueOrDefault(ReplyMetadata.SlackThreadTs), Blocks(mrkdwn, buttons));
        using var response = await http.PostJsonAsync("Slack chat.postMessage", new Uri(slack.ApiBase, "chat.postMessage"), body, token, cancellationToken);
        var verdict = await BoundedBody.ReadAsync(response.Content, MaxVerdictBytes, cancellationToken);
        var answer = verdict is null ? null : JsonSerializer.Deserialize<SlackAnswer>(verdict, JsonSerializerOptions.Web);
        if (answer is { Ok: true })
            return;
        var error = answer?.Error ?? "no answer";
        if (TransientErrors.Contains(error))
            throw new HttpRequestException($"Slack chat.postMessage failed: {error}.");
        throw new ReplyRejectedException("Slack chat.postMessage", error);
    }

    /// <summary>Block Kit: the text as a mrkdwn section and the buttons in an actions block; their presses come back as block_actions.</summary>
    private static object[]? Blocks(string mrkdwn, IReadOnlyList<ReplyButton> buttons) => buttons.Count == 0 ? null :
    [
        new { type = "section", text = new { type = "mrkdwn", text = mrkdwn } },
        new
        {
            type = "actions",
            elements = buttons.Select((button, index) => new { type = "button", action_id = $"reply-{index}", text = new { type = "plain_text", text = button.Title }, value = button.Payload }).ToArray(),
        },
    ];

    private sealed record PostMessage(
        [property: JsonPropertyName("channel")] string Channel,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("thread_ts"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ThreadTs,
        [property: JsonPropertyName("blocks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object[]? Blocks);

    private sealed record SlackAnswer([property: JsonPropertyName("ok")] bool Ok, [property: JsonPropertyName("error")] string? Error);
}
