using System.ComponentModel.DataAnnotations;
using ChatbotPipeline.ServiceDefaults;

namespace ChatbotPipeline.Training;

/// <summary>When bots are retrained (section <c>Training</c>).</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>Quartz cron expression of the scheduled retrain; bots whose data has not changed are skipped. Default 03:00 daily.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Cron { get; set; } = "0 0 3 * * ?";

    /// <summary>Run the scheduled retrain once at start, so bots without a model get one. Default true.</summary>
    public bool TrainOnStart { get; set; } = true;

    /// <summary>
    /// Run the schedule in this replica: scheduled retrains (and the run at start), retention and daily exports. One
    /// replica runs it; training workers, scaled on the <c>training</c> queue's backlog, set false and only train what
    /// is requested. Default true.
    /// </summary>
    public bool Schedule { get; set; } = true;

    /// <summary>
    /// How long a trainer holds a bot (a lease in the cache, shared by every trainer replica) so two never train it
    /// at once; a trainer that dies lets it expire. Must exceed the longest training run. Default 30 minutes.
    /// </summary>
    [Range(1, 24 * 60)]
    public int LeaseMinutes { get; set; } = 30;

    /// <summary>
    /// How far (as a fraction, 0.02 = two points) a new model's held-out accuracy may fall below the current model's
    /// before the gate refuses to publish it. Default 0.02.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MaxAccuracyDrop { get; set; } = 0.02;

    /// <summary>Largest model (intents and entities together) the gate publishes, in MiB. Default 64.</summary>
    [Range(1, 4096)]
    public int MaxModelMegabytes { get; set; } = 64;

    /// <summary>
    /// The sentence encoder of bots that do not choose one (their <c>encoder</c> is null): <c>minilm-int8</c> (default), <c>minilm</c>
    /// (the float model), <c>minilm-static</c> or <c>none</c>, n-grams only, for deployments that need the most messages per second.
    /// </summary>
    public string Encoder { get; set; } = Nlu.Intents.Encoders.SentenceEncoders.Default;

    /// <summary>
    /// Trainings run at once by one replica (each takes a core while it fits). Bots of at least
    /// <see cref="LargeBotPhrases"/> phrases take at most all but one of them, so a small bot never waits behind large
    /// ones (with 1, it does). Default 2.
    /// </summary>
    [Range(1, 64)]
    public int ConcurrentTrainings { get; set; } = 2;

    /// <summary>Phrases from which a bot counts as large for <see cref="ConcurrentTrainings"/>. Default 1,000.</summary>
    [Range(1, 10_000_000)]
    public int LargeBotPhrases { get; set; } = 1000;

    /// <summary>Model versions kept per bot in the object store (the current one always is); older ones are deleted after each publish. Default 5.</summary>
    [Range(1, 1000)]
    public int KeepModelVersions { get; set; } = 5;

    /// <summary>Waits between tries of a failed training request (the stores briefly away). Unset: 1 s, 10 s.</summary>
    public int[]? RetryIntervalsMilliseconds { get; set; }

    public int[] RetryWaits => RetryIntervals.Or(RetryIntervalsMilliseconds, 1000, 10000);
}
