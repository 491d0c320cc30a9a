using System.Globalization;
using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>
/// <c>/api/bots/{botId}/analytics?from=&amp;to=&amp;granularity=hour|day</c>: messages, unique senders, intents,
/// fallback rate, mean confidence and NLU latency per hour or day (UTC), with the totals.
/// </summary>
public static class AnalyticsApi
{
    /// <summary>At most this many buckets per report: 62 days by the hour, about four years by the day.</summary>
    private const int MaxBuckets = 62 * 24;

    private const int TopIntentCount = 10;

    public static void MapAnalyticsApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/bots/{botId}/analytics", GetAnalytics);

    /// <param name="from">Start, inclusive: a time (ISO 8601) or a day (<c>yyyy-MM-dd</c>, its midnight UTC). Default: 30 days
    /// before <paramref name="to"/> by the day, 48 hours by the hour.</param>
    /// <param name="to">End: a time (exclusive) or a day (included whole). Default: now.</param>
    /// <param name="granularity"><c>hour</c> or <c>day</c> (default).</param>
    private static async Task<Results<Ok<AnalyticsReport>, ProblemHttpResult, ValidationProblem>> GetAnalytics(string botId, string? from, string? to,
        string? granularity, IBotStore bots, IAnalyticsStore analytics, TopIntents topIntents, IOptions<CacheOptions> cache, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var unit = granularity?.ToLowerInvariant() switch
        {
            null or "day" => AnalyticsGranularity.Day,
            "hour" => AnalyticsGranularity.Hour,
            _ => Problem(problems, "granularity", "'granularity' must be 'hour' or 'day'.", AnalyticsGranularity.Day),
        };
        var end = to is null ? time.GetUtcNow() : ParseBound(to, endOfDay: true) ?? Problem(problems, "to", "'to' must be an ISO 8601 time or a yyyy-MM-dd day.", default(DateTimeOffset));
        var span = unit == AnalyticsGranularity.Hour ? TimeSpan.FromHours(48) : TimeSpan.FromDays(30);
        // An end too early to step back from (a bad 'to', year 1) starts at the earliest time instead of throwing.
        var start = from is not null
            ? ParseBound(from, endOfDay: false) ?? Problem(problems, "from", "'from' must be an ISO 8601 time or a yyyy-MM-dd day.", default(DateTimeOffset))
            : end - DateTimeOffset.MinValue > span ? end - span : DateTimeOffset.MinValue;
        if (problems.Count == 0 && start >= end)
            problems["from"] = ["'from' must be before 'to'."];
        if (problems.Count == 0 && (end - start) / (unit == AnalyticsGranularity.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1)) > MaxBuckets)
            problems["to"] = [$"The range holds more than {MaxBuckets} {unit.ToString().ToLowerInvariant()}s."];
        if (problems.Count > 0)
            return TypedResults.ValidationProblem(problems);
        if (await bots.GetBotAsync(botId, cancellationToken) is null)
            return ApiProblems.NoBot(botId);
        var report = await AnalyticsAggregator.BuildAsync(analytics, botId, start, end, unit, cancellationToken);
        // The in-process cache holds only what this process counted: only Redis's set speaks for every replica.
        if (cache.Value.Provider == CacheProvider.Redis)
            report = report with { TopIntentsToday = await topIntents.OfDayAsync(botId, time.GetUtcNow(), TopIntentCount, cancellationToken) };
        return TypedResults.Ok(report);
    }

    /// <summary>A time as given, or a day's midnight UTC (the next midnight for an end, so the day is included).</summary>
    private static DateTimeOffset? ParseBound(string value, bool endOfDay)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.AddDays(endOfDay ? 1 : 0), TimeOnly.MinValue, TimeSpan.Zero);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private static T Problem<T>(Dictionary<string, string[]> problems, string key, string message, T fallback)
    {
        problems[key] = [message];
        return fallback;
    }
}
