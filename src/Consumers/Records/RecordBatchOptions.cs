using System.ComponentModel.DataAnnotations;
using ChatbotPipeline.ServiceDefaults;
using MassTransit;

namespace ChatbotPipeline.Consumers.Records;

/// <summary>
/// How the conversation log and analytics write (section <c>Records</c>): the records of verdicts consumed at the same
/// time are stored together (<see cref="RecordBatcher{T}"/>), each batch in one transaction, so the stores' cost per
/// message falls as traffic rises. A batch is written when it is full or <see cref="TimeLimitMilliseconds"/> after its
/// first record — the most a record waits; replies do not.
/// </summary>
public sealed class RecordBatchOptions
{
    public const string Section = "Records";

    /// <summary>The most verdicts in one batch.</summary>
    [Range(1, 1000)]
    public int MessageLimit { get; set; } = 32;

    /// <summary>How long a batch waits for more verdicts after its first.</summary>
    [Range(1, 10_000)]
    public int TimeLimitMilliseconds { get; set; } = 20;

    /// <summary>Batches written at once per record kind and replica.</summary>
    [Range(1, 16)]
    public int ConcurrencyLimit { get; set; } = 2;

    /// <summary>Waits between tries of a failed batch, riding out a busy or briefly unreachable store. Unset: 100 ms, 1 s, 5 s, 15 s.</summary>
    public int[]? RetryIntervalsMilliseconds { get; set; }

    /// <summary>The waits in effect (<see cref="RetryIntervals"/>).</summary>
    public int[] RetryWaits => RetryIntervals.Or(RetryIntervalsMilliseconds, 100, 1000, 5000, 15000);

    /// <summary>The verdicts a replica holds at once: what the endpoint must prefetch for its batches to fill.</summary>
    public int MessageCapacity => MessageLimit * ConcurrencyLimit;

    /// <summary>Retries a record consumer's messages by these settings: a failed batch fails each of its messages.</summary>
    public void Apply<TConsumer>(IConsumerConfigurator<TConsumer> consumer) where TConsumer : class =>
        consumer.UseMessageRetry(retry => retry.Intervals(RetryWaits));
}
