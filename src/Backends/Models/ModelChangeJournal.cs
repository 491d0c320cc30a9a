using System.Globalization;
using ChatbotPipeline.Backends.Objects;

namespace ChatbotPipeline.Backends.Models;

/// <summary>A bot's model changed: a version was published, or the bot was deleted and its models withdrawn.</summary>
public sealed record ModelChange(string BotId, string Version, bool Withdrawn);

/// <summary>
/// Every model change as an empty object under <c>model-changes/{yyyyMMddHH}/{version}/{bot}</c>, grouped by the UTC
/// hour it happened in. A replica that may have missed <c>ModelPublished</c> lists the hours since it last looked:
/// one request per hour of changes, however many bots there are, where reading each bot's <c>current.json</c> cost one
/// request per bot per sweep. Hours older than <see cref="Kept"/> are deleted by the trainer's retention job.
/// </summary>
public sealed class ModelChangeJournal(IObjectStore objects)
{
    private const string Prefix = "model-changes/";
    private const string WithdrawnSuffix = "-withdrawn";

    /// <summary>How long changes are listed for; a replica away longer than this drops what it loaded and starts cold.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(48);

    public Task RecordPublishedAsync(string botId, string version, DateTimeOffset at, CancellationToken cancellationToken) =>
        objects.PutAsync(Key(at, version, botId), Stream.Null, cancellationToken);

    public Task RecordWithdrawnAsync(string botId, DateTimeOffset at, CancellationToken cancellationToken) =>
        objects.PutAsync(Key(at, ModelVersions.Stamp(at) + WithdrawnSuffix, botId), Stream.Null, cancellationToken);

    /// <summary>The changes recorded in the hours from <paramref name="since"/>'s to <paramref name="now"/>'s, oldest first.</summary>
    public async Task<IReadOnlyList<ModelChange>> ListAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changes = new List<ModelChange>();
        for (var hour = Hour(since); hour <= now; hour = hour.AddHours(1))
            foreach (var key in await objects.ListAsync(HourPrefix(hour), cancellationToken))
                if (Parse(key) is { } change)
                    changes.Add(change);
        return changes;
    }

    /// <summary>Deletes the hours of changes older than <see cref="Kept"/>, looking back one more day for hours a stopped trainer left.</summary>
    public async Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var newestExpired = Hour(now - Kept).AddHours(-1);
        for (var hour = newestExpired; hour > newestExpired.AddDays(-1); hour = hour.AddHours(-1))
            foreach (var key in await objects.ListAsync(HourPrefix(hour), cancellationToken))
                await objects.DeleteAsync(key, cancellationToken);
    }

    private static ModelChange? Parse(string key)
    {
        // model-changes/{hour}/{version}/{bot}
        var segments = key.Split('/');
        if (segments.Length != 4)
            return null;
        var version = segments[2];
        return version.EndsWith(WithdrawnSuffix, StringComparison.Ordinal)
            ? new ModelChange(segments[3], version[..^WithdrawnSuffix.Length], Withdrawn: true)
            : new ModelChange(segments[3], version, Withdrawn: false);
    }

    private static string Key(DateTimeOffset at, string version, string botId) => $"{HourPrefix(at)}{version}/{botId}";

    private static string HourPrefix(DateTimeOffset at) => $"{Prefix}{at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}/";

    private static DateTimeOffset Hour(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
}
