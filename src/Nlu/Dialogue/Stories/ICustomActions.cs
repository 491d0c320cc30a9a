using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>Runs a bot's custom actions (and its forms' <c>validate_*</c> actions) on its action server.</summary>
public interface ICustomActions
{
    Task<CustomActionResult> RunAsync(CustomActionCall call, CancellationToken cancellationToken);
}

/// <summary>What an action server is told: the action, the conversation's tracker and the bot's domain.</summary>
public sealed record CustomActionCall(
    string BotId, string Endpoint, string Action, string SenderId, string MessageId, DialogueTracker Tracker, BotDialogue Dialogue,
    IReadOnlyList<string> Intents, string LatestText, IReadOnlyList<ExtractedEntity> Entities, double Confidence, IReadOnlyList<string> AllowedHosts,
    IReadOnlyList<TrackerEvent>? Candidates = null);

/// <summary>What it answered: events to apply (slots, loop changes, restart, follow-up) and messages to send, or why it failed.</summary>
public sealed record CustomActionResult(IReadOnlyList<TrackerEvent> Events, IReadOnlyList<CustomResponse> Responses, bool Restart = false,
    string? Followup = null, string? Error = null)
{
    public static CustomActionResult Failed(string error) => new([], [], Error: error);
}

/// <summary>A message an action asked for: a named response of the domain, or its own text, buttons and image.</summary>
public sealed record CustomResponse(string? Response, string? Text, IReadOnlyList<ReplyButton>? Buttons = null, string? Image = null);
