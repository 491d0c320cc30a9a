using System.ComponentModel.DataAnnotations;
using ChatbotPipeline.ServiceDefaults;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>How replies are delivered to callback URLs (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Waits between delivery attempts, in milliseconds, before the message is faulted to the error queue. Unset: 1 s, 5 s, 15 s, 60 s.</summary>
    public int[]? RetryIntervalsMilliseconds { get; set; }

    /// <summary>The waits in effect (<see cref="RetryIntervals"/>).</summary>
    public int[] RetryWaits => RetryIntervals.Or(RetryIntervalsMilliseconds, 1000, 5000, 15000, 60000);

    /// <summary>
    /// The longest <c>Retry-After</c> a throttled platform API (HTTP 429) is waited out for before the reply is sent
    /// again; a longer one leaves it to the retry intervals. Default 30 s.
    /// </summary>
    [Range(0, 600)]
    public int MaxRetryAfterSeconds { get; set; } = 30;

    /// <summary>
    /// Wait between attempts, in milliseconds, while the delivery memory (Redis) is unreachable or another replica is
    /// delivering the same message: nothing is sent without knowing what was sent already. Default 5 s.
    /// </summary>
    [Range(10, 600_000)]
    public int MemoryWaitMilliseconds { get; set; } = 5000;

    /// <summary>
    /// How many such waits before the message goes to the error queue (from where it can be replayed). Default 120,
    /// with the default wait ten minutes of Redis outage.
    /// </summary>
    [Range(1, 100_000)]
    public int MemoryWaitAttempts { get; set; } = 120;

    /// <summary>How long one callback or platform API request may take. Default 10 s.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;
}
