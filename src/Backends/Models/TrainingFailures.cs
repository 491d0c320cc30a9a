using System.Text.Json;
using ChatbotPipeline.Backends.Cache;

namespace ChatbotPipeline.Backends.Models;

/// <summary>
/// The last failed training run of each bot, kept in the cache beside the history: the history lives in the object
/// store, and a run that failed because that store refused writes (full, unreachable) could not record itself there —
/// the training view then showed the run before it, "Published". The view reads both and shows the newer.
/// </summary>
public sealed class TrainingFailures(ICacheStore cache)
{
    private static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    public Task RecordAsync(TrainingRun failed, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(failed.BotId), JsonSerializer.Serialize(failed, JsonSerializerOptions.Web), Kept, cancellationToken);

    /// <summary>The runs as the history lists them, with the last failure first when the history does not have it.</summary>
    public async Task<IReadOnlyList<TrainingRun>> OverlayAsync(string botId, IReadOnlyList<TrainingRun> history, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(Key(botId), cancellationToken) is not { } json
            || JsonSerializer.Deserialize<TrainingRun>(json, JsonSerializerOptions.Web) is not { } failed)
            return history;
        if (history.FirstOrDefault(run => run.RunId == failed.RunId) is { Status: TrainingStatus.Failed })
            return history;
        if (history.Count > 0 && history[0].StartedAt > failed.StartedAt)
            return history;
        return [failed, .. history.Where(run => run.RunId != failed.RunId)];
    }

    private static string Key(string botId) => $"training:failed:{botId}";
}
