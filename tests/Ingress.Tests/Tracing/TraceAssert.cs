using System.Diagnostics;

namespace ChatbotPipeline.Ingress.Tests.Tracing;

/// <summary>What a message's trace must hold: a span on each queue the message passes.</summary>
internal static class TraceAssert
{
    public static readonly string[] Queues = ["nlu", "records", "notification"];

    /// <summary>Waits up to 30 s (exporters batch) until the trace's span names include MassTransit's "{queue} process" for every queue.</summary>
    public static async Task ReachesEveryConsumerAsync(Func<IReadOnlyList<string>> spanNames)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Queues.Any(q => !spanNames().Contains($"{q} process")) && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        var seen = spanNames();
        Assert.All(Queues, queue => Assert.True(seen.Contains($"{queue} process"), $"No '{queue} process' span in the trace; it has: {string.Join(", ", seen)}"));
    }
}

/// <summary>Finished spans as the in-memory exporter adds them, from any thread.</summary>
internal sealed class SpanList : System.Collections.ObjectModel.Collection<Activity>
{
    protected override void InsertItem(int index, Activity item)
    {
        lock (this)
            base.InsertItem(index, item);
    }

    public List<Activity> Snapshot()
    {
        lock (this)
            return [.. this];
    }

    public async Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Snapshot().FirstOrDefault(match) is { } found)
                return found;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No such span; saw: {string.Join(", ", Snapshot().Select(s => s.DisplayName))}");
    }
}
