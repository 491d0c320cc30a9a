using Quartz;

namespace ChatbotPipeline.Training;

/// <summary>Whether a cron schedule fired between two instants; how per-bot schedules run off one minute tick.</summary>
public static class TrainingSchedule
{
    /// <summary>True when <paramref name="cron"/> has a fire time in (<paramref name="since"/>, <paramref name="now"/>]; an invalid expression never fires.</summary>
    public static bool IsDue(string cron, DateTimeOffset since, DateTimeOffset now)
    {
        if (!CronExpression.TryParse(cron, out var expression))
            return false;
        var next = expression.WithTimeZone(TimeZoneInfo.Utc).GetNextValidTimeAfter(since);
        return next is { } fire && fire <= now;
    }
}
