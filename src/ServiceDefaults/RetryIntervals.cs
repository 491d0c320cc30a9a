namespace ChatbotPipeline.ServiceDefaults;

/// <summary>A consumer's retry waits, in milliseconds: the configured list, or the consumer's default.</summary>
/// <remarks>
/// Options keep the configured list null until configuration sets it: binding appends to a list that already has
/// items, so a default list in the property made <c>…RetryIntervalsMilliseconds__0=50</c> five waits instead of one.
/// </remarks>
public static class RetryIntervals
{
    public const int MaxMilliseconds = 600_000;

    public static int[] Or(int[]? configured, params int[] defaults) => configured is { Length: > 0 } ? configured : defaults;

    public static bool AreValid(IEnumerable<int> waits) => waits.All(ms => ms is > 0 and <= MaxMilliseconds);

    /// <summary>The validation message for <paramref name="key"/>.</summary>
    public static string Refusal(string key) => $"{key} must each be 1 to {MaxMilliseconds:N0} ms.";
}
