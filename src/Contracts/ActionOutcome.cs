namespace ChatbotPipeline.Contracts;

/// <summary>How an intent's API call went, as the conversation log records it.</summary>
/// <param name="Host">The host called (never the full URL: it may carry the user's data).</param>
/// <param name="Status">The last HTTP status, or null when no answer came (refused, timed out, unreachable).</param>
/// <param name="Milliseconds">Time from the first attempt to the last answer.</param>
/// <param name="Attempts">Requests sent (0 when the call was refused before sending).</param>
/// <param name="Error">Why the call failed, or null when it succeeded.</param>
public sealed record ActionOutcome(string Host, int? Status, double Milliseconds, int Attempts, string? Error);
