using System.ComponentModel.DataAnnotations;
using ChatbotPipeline.ServiceDefaults;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>Knobs of the NLU consumer (section <c>Nlu</c>).</summary>
public sealed class NluOptions
{
    public const string Section = "Nlu";

    /// <summary>
    /// How often each replica reads the model change journal, in case it missed <c>ModelPublished</c> or a bot's
    /// deletion (one listing per hour of changes, whatever the number of bots); also how long a bot found without a
    /// model is not asked for again. Default 30 s.
    /// </summary>
    [Range(1, 86_400)]
    public int ModelRefreshSeconds { get; set; } = 30;

    /// <summary>
    /// Memory the loaded models of this replica may take, in MiB, weighed by what each took to load; the least recently
    /// used are unloaded beyond it and loaded again on their next message. Default 1024.
    /// </summary>
    [Range(1, 1_048_576)]
    public int ModelCacheMegabytes { get; set; } = 1024;

    /// <summary>Models of different bots loaded at once (a bot's own load is never done twice at once). Default 4.</summary>
    [Range(1, 64)]
    public int ModelLoadConcurrency { get; set; } = 4;

    /// <summary>
    /// Bots whose confidence and fallbacks get series of their own on <c>/metrics</c> (every other bot counts under
    /// <c>bot="other"</c>), so a scrape's size does not grow with the number of bots. Per-bot figures for every bot
    /// are in the analytics API. Default none.
    /// </summary>
    [MaxLength(100)]
    public List<string> MetricBots { get; set; } = [];

    /// <summary>
    /// How long a message's NLU result is kept, so a redelivery republishes it instead of advancing the dialogue twice.
    /// Brokers redeliver within minutes (retries, visibility timeouts, a crashed consumer). Default 60 min.
    /// </summary>
    [Range(1, 7 * 24 * 60)]
    public int ResultRetentionMinutes { get; set; } = 60;

    /// <summary>
    /// Messages processed at once by one replica; messages of one conversation are always processed in order. Default
    /// 16, the broker's prefetch: a message spends most of its time waiting (the cache's round trips, the broker's
    /// confirm of the verdict), so at 8 the queue backed up with a core idle (docs/BENCHMARKS.md, issue 23).
    /// </summary>
    [Range(1, 1024)]
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>
    /// How long one replica holds a conversation while it understands a message of it. Other replicas wait for the
    /// lease, so two messages of a conversation never race for its dialogue state; a replica that dies lets it expire.
    /// Default 30 s, well above one message's work.
    /// </summary>
    [Range(1, 600)]
    public int ConversationLeaseSeconds { get; set; } = 30;

    /// <summary>
    /// How long a message waits for an earlier message of its conversation that has not been handled yet (replicas
    /// compete for messages, so the later one may arrive first), counted from when Ingress took it; after that it is
    /// handled anyway, since a predecessor may never come (it went to the error queue, or a replica died with it and the
    /// broker redelivers it later). It must outlast the time a predecessor can sit queued at another replica; a waiting
    /// message holds one of <see cref="ConcurrentMessageLimit"/> meanwhile. Default 10 s.
    /// </summary>
    [Range(1, 300)]
    public int OrderWaitSeconds { get; set; } = 10;

    /// <summary>
    /// The sentence encoders this replica serves models of (<c>minilm-int8</c>, <c>minilm</c>, <c>minilm-static</c>, <c>none</c>); a model trained with another is
    /// refused with a log line and the previous model (or the fallback) keeps answering. Default: every one this build has.
    /// </summary>
    public List<string> Encoders { get; set; } = [];

    /// <summary>Waits between tries of a message that failed for any other reason (a store briefly away). Unset: 100 ms, 0.5 s, 2 s.</summary>
    public int[]? RetryIntervalsMilliseconds { get; set; }

    public int[] RetryWaits => RetryIntervals.Or(RetryIntervalsMilliseconds, 100, 500, 2000);

    /// <summary>Waits between tries of switching to a newly published model (the object store briefly away). Unset: 0.5 s, 2 s, 5 s.</summary>
    public int[]? ModelSwitchRetryIntervalsMilliseconds { get; set; }

    public int[] ModelSwitchRetryWaits => RetryIntervals.Or(ModelSwitchRetryIntervalsMilliseconds, 500, 2000, 5000);
}
