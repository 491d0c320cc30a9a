using System.ComponentModel.DataAnnotations;
using ChatbotPipeline.ServiceDefaults;

namespace ChatbotPipeline.Consumers.Exports;

/// <summary>How the export consumer works its queue (section <c>Exports</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Exports written at once per replica: each streams a bot's turns to the object store. Default 2.</summary>
    [Range(1, 16)]
    public int ConcurrentExports { get; set; } = 2;

    /// <summary>Waits between tries of a failed export. Unset: 1 s, 10 s, 60 s.</summary>
    public int[]? RetryIntervalsMilliseconds { get; set; }

    public int[] RetryWaits => RetryIntervals.Or(RetryIntervalsMilliseconds, 1000, 10000, 60000);
}
