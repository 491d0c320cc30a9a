using ChatbotPipeline.Backends.Objects;

namespace ChatbotPipeline.Backends.Models;

/// <summary>
/// Training runs in the object store beside the models, <c>training/{bot}/{runId}.json</c>, so that every trainer
/// replica writes and the API of any Ingress reads them. Run ids sort by start time.
/// </summary>
public sealed class TrainingHistory(IObjectStore objects)
{
    /// <summary>Runs kept per bot; older ones are deleted when a run ends, so the history stays cheap to list.</summary>
    public const int RetainedRuns = 100;

    /// <summary>Writes (or overwrites) a run; once it has ended, drops the bot's runs beyond <see cref="RetainedRuns"/>.</summary>
    public async Task SaveAsync(TrainingRun run, CancellationToken cancellationToken)
    {
        await objects.PutJsonAsync(Key(run.BotId, run.RunId), run, cancellationToken);
        if (run.FinishedAt is null)
            return;
        var keys = await objects.ListAsync(Prefix(run.BotId), cancellationToken);
        foreach (var old in keys.OrderDescending(StringComparer.Ordinal).Skip(RetainedRuns))
            await objects.DeleteAsync(old, cancellationToken);
    }

    /// <summary>The bot's most recent runs, newest first.</summary>
    public async Task<IReadOnlyList<TrainingRun>> ListAsync(string botId, int limit, CancellationToken cancellationToken)
    {
        var keys = await objects.ListAsync(Prefix(botId), cancellationToken);
        var runs = new List<TrainingRun>();
        foreach (var key in keys.OrderDescending(StringComparer.Ordinal).Take(limit))
            if (await objects.ReadJsonAsync<TrainingRun>(key, cancellationToken) is { } run)
                runs.Add(run);
        return runs;
    }

    /// <summary>A new run id: its start time, sortable, and a random suffix so two trainers never collide.</summary>
    public static string NewRunId(DateTimeOffset startedAt) =>
        $"{startedAt.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string Prefix(string botId) => $"training/{botId}/";

    private static string Key(string botId, string runId) => $"{Prefix(botId)}{runId}.json";
}
