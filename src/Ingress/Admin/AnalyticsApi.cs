using ChatbotPipeline.Backends.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary><c>/api/bots/{botId}/analytics</c>: messages, intents and fallback rate per day.</summary>
public static class AnalyticsApi
{
    private const int DefaultDays = 30;

    public static void MapAnalyticsApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/bots/{botId}/analytics", GetAnalytics);

    /// <param name="from">First day (UTC, yyyy-MM-dd); default 29 days before <paramref name="to"/>.</param>
    /// <param name="to">Last day (UTC, yyyy-MM-dd); default today.</param>
    private static async Task<Results<Ok<AnalyticsView>, NotFound, ValidationProblem>> GetAnalytics(
        string botId, DateOnly? from, DateOnly? to, IBotStore bots, IAnalyticsStore analytics, TimeProvider time, CancellationToken cancellationToken)
    {
        var last = to ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = from ?? last.AddDays(1 - DefaultDays);
        if (first > last)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["'from' must not be after 'to'."] });
        if (await bots.GetBotAsync(botId, cancellationToken) is null)
            return TypedResults.NotFound();

        var days = await analytics.GetDailyAsync(botId, first, last, cancellationToken);
        var messages = days.Sum(d => d.Messages);
        var fallbacks = days.Sum(d => d.Fallbacks);
        return TypedResults.Ok(new AnalyticsView(botId, first, last, messages, fallbacks, messages == 0 ? 0 : (double)fallbacks / messages, days));
    }

    /// <summary>A bot's figures over a range of days, with the totals.</summary>
    public sealed record AnalyticsView(string BotId, DateOnly From, DateOnly To, long Messages, long Fallbacks, double FallbackRate, IReadOnlyList<DailyAnalytics> Days);
}
