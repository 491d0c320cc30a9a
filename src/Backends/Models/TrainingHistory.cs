using System.Text.Json;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Objects;

namespace ChatbotPipeline.Backends.Models;

/// <summary>
/// Training runs in the object store beside the models, <c>training/{bot}/{runId}.json</c>, so that every trainer
/// replica writes and the API of any Ingress reads them. Run ids sort by start time.
/// </summary>
public sealed class TrainingHistory(IObjectStore objects)
{
    /// <summary>Writes (or overwrites) a run.</summary>
    public async Task SaveAsync(TrainingRun run, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(run, DocumentJson.Options));
        await objects.PutAsync(Key(run.BotId, run.RunId), json, cancellationToken);
    }

    /// <summary>The bot's most recent runs, newest first.</summary>
    public async Task<IReadOnlyList<TrainingRun>> ListAsync(string botId, int limit, CancellationToken cancellationToken)
    {
        var keys = await objects.ListAsync($"training/{botId}/", cancellationToken);
        var runs = new List<TrainingRun>();
        foreach (var key in keys.OrderDescending(StringComparer.Ordinal).Take(limit))
        {
            await using var stream = await objects.OpenReadAsync(key, cancellationToken);
            if (stream is not null && await JsonSerializer.DeserializeAsync<TrainingRun>(stream, DocumentJson.Options, cancellationToken) is { } run)
                runs.Add(run);
        }
        return runs;
    }

    /// <summary>A new run id: its start time, sortable, and a random suffix so two trainers never collide.</summary>
    public static string NewRunId(DateTimeOffset startedAt) =>
        $"{startedAt.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string Key(string botId, string runId) => $"training/{botId}/{runId}.json";
}
