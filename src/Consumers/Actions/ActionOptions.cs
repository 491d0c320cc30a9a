using System.ComponentModel.DataAnnotations;
using ChatbotPipeline.ServiceDefaults;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>How intents' API calls are made (section <c>Actions</c>).</summary>
public sealed class ActionOptions
{
    public const string Section = "Actions";

    /// <summary>How long one request may take, in seconds. Default 5.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 5;

    /// <summary>Requests at most per call: the first and the retries after a 5xx, 408, 429 or timeout (never after another 4xx). Default 3.</summary>
    [Range(1, 10)]
    public int Attempts { get; set; } = 3;

    /// <summary>The wait before the first retry, in milliseconds, doubled before each further one. Default 500.</summary>
    [Range(0, 60_000)]
    public int BackoffMilliseconds { get; set; } = 500;

    /// <summary>The largest API answer read, in bytes; a larger one fails the call (not retried). Default 1 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>API calls made at once per replica (the action queue waits on other services, so more than NLU's). Default 16.</summary>
    [Range(1, 256)]
    public int ConcurrentCalls { get; set; } = 16;

    /// <summary>Waits between tries of a failed action message (after the call's own HTTP retries). Unset: 0.5 s, 2 s.</summary>
    public int[]? RetryIntervalsMilliseconds { get; set; }

    public int[] RetryWaits => RetryIntervals.Or(RetryIntervalsMilliseconds, 500, 2000);

    /// <summary>
    /// While the call memory (Redis) is unreachable, or another replica is making the same call, wait this long
    /// between tries (default 500 ms) this many times (default 240) before the error queue: a call is not made twice.
    /// </summary>
    [Range(10, 600_000)]
    public int MemoryWaitMilliseconds { get; set; } = 500;

    [Range(1, 100_000)]
    public int MemoryWaitAttempts { get; set; } = 240;

    /// <summary>What a bot says when its API call fails and it has no <c>actionFailureResponse</c> of its own.</summary>
    public string DefaultFailureResponse { get; set; } = "Sorry, I couldn't get that done right now. ### Please try again in a little while.";

    /// <summary>The longest <see cref="HoldTime"/> the settings may add up to.</summary>
    public static readonly TimeSpan MaxHoldTime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a conversation's next message waits behind an action in progress: every attempt at its timeout,
    /// the backoffs, and a margin. A dead action consumer's hold expires after this.
    /// </summary>
    public TimeSpan HoldTime => TimeSpan.FromSeconds(Attempts * TimeoutSeconds) + TimeSpan.FromMilliseconds(BackoffMilliseconds * ((1 << Attempts) - 1)) + TimeSpan.FromSeconds(10);
}
