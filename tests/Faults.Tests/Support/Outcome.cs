using Microsoft.Data.Sqlite;

namespace ChatbotPipeline.Faults.Tests.Support;

/// <summary>
/// Reads what the pipeline did with a run's messages, once it has drained: the turns in the conversation log (by the
/// message's unique text, so one message stored under two ids counts twice) and the replies at the callback receiver.
/// </summary>
public static class Outcome
{
    /// <summary>
    /// Waits until every accepted message is stored and replied to, or <paramref name="patience"/> passes; the time from
    /// the repair to that moment is the scenario's time to recover.
    /// </summary>
    public static async Task<ScenarioReport> WhenDrainedAsync(string scenario, LoadResult load, DateTime? repairedAt, PipelineHosts hosts,
        ReplyReceiver replies, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        IReadOnlyList<(string MessageId, string Text)> turns;
        while (true)
        {
            turns = await TurnsAsync(hosts.DatabasePath);
            var settled = turns.Count >= load.Accepted && turns.All(t => replies.Deliveries.ContainsKey(t.MessageId));
            if (settled || DateTime.UtcNow > deadline)
                break;
            await Task.Delay(100);
        }
        var drainedAt = DateTime.UtcNow;
        // Late copies (a redelivery, a publish confirmed after its 503) would arrive now if they were going to.
        await Task.Delay(TimeSpan.FromSeconds(2));
        turns = await TurnsAsync(hosts.DatabasePath);

        var storedTexts = turns.GroupBy(t => t.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var recovery = repairedAt is { } repaired ? Math.Max(0, (drainedAt - repaired).TotalSeconds) : (double?)null;
        return new ScenarioReport(
            scenario,
            load.Sent,
            load.Accepted,
            storedTexts.Count,
            Lost: load.AcceptedTexts.Count(text => !storedTexts.ContainsKey(text)),
            DuplicateTurns: storedTexts.Values.Sum(n => n - 1),
            DuplicateReplies: replies.Deliveries.Values.Sum(n => n - 1),
            MissingReplies: turns.Count(t => !replies.Deliveries.ContainsKey(t.MessageId)),
            load.Refusals,
            load.LongestAnswer.TotalSeconds,
            recovery,
            hosts.StarvationWarnings().Count(),
            // ReceiveEndpointWatchdog's and ConversationOrder's warnings: the suite shows when they acted.
            hosts.LinesSaying("restarting it").Count(),
            hosts.LinesSaying("without waiting any longer").Count());
    }

    private static async Task<IReadOnlyList<(string MessageId, string Text)>> TurnsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id, json_extract(json, '$.text') FROM turns WHERE bot_id = 'demo'";
        var turns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            turns.Add((reader.GetString(0), reader.GetString(1)));
        return turns;
    }
}
