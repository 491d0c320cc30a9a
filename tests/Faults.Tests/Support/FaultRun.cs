using System.Globalization;
using System.Text.Json;

namespace ChatbotPipeline.Faults.Tests.Support;

/// <summary>
/// One scenario end to end: the three hosts over the given transport and a Redis of the suite's own, a callback
/// receiver, users sending <see cref="Messages"/> messages, and the fault applied while they do. Sizes come from the
/// environment so CI can run fewer messages than the documented command (docs/RELIABILITY.md).
/// </summary>
public sealed class FaultRun : IAsyncDisposable
{
    /// <summary>Messages per scenario: <c>FAULT_MESSAGES</c>, default 2,000 (what CI runs).</summary>
    public static int Messages => Setting("FAULT_MESSAGES", 2000);

    /// <summary>Messages started per second: <c>FAULT_RATE</c>, default 200, so a run lasts long enough for its fault.</summary>
    public static int Rate => Setting("FAULT_RATE", 200);

    /// <summary>How long a broker or Redis stays down: <c>FAULT_OUTAGE_SECONDS</c>, default 15.</summary>
    public static TimeSpan Outage => TimeSpan.FromSeconds(Setting("FAULT_OUTAGE_SECONDS", 15));

    private readonly string _folder;

    private FaultRun(string folder, OwnRedis redis, ReplyReceiver replies, PipelineHosts hosts)
    {
        _folder = folder;
        Redis = redis;
        Replies = replies;
        Hosts = hosts;
    }

    public OwnRedis Redis { get; }

    public ReplyReceiver Replies { get; }

    public PipelineHosts Hosts { get; }

    public static async Task<FaultRun> StartAsync(IReadOnlyDictionary<string, string> transport)
    {
        var redis = await OwnRedis.StartAsync();
        var replies = await ReplyReceiver.StartAsync();
        var folder = Directory.CreateTempSubdirectory("chatbot-faults-").FullName;
        var run = new FaultRun(folder, redis, replies, new PipelineHosts(folder, transport, redis.Configuration));
        await run.Hosts.StartAsync();
        return run;
    }

    /// <summary>Sends the messages, applies <paramref name="fault"/> once <paramref name="faultAt"/> of them have started, and reads the outcome.</summary>
    /// <param name="fault">Breaks something and repairs it; returns when it was repaired.</param>
    public async Task<ScenarioReport> RunAsync(string scenario, double faultAt, Func<Task<DateTime>> fault, TimeSpan? clientTimeout = null)
    {
        var load = new ChatLoad(Hosts.IngressUrl, Replies.Url, $"r{Guid.NewGuid():N}"[..9], Messages, Rate, workers: 64, clientTimeout ?? TimeSpan.FromSeconds(30));
        var sending = load.RunAsync(deadline: TimeSpan.FromSeconds(Messages / (double)Rate) + Outage + TimeSpan.FromSeconds(120));
        while (load.Started < Messages * faultAt && !sending.IsCompleted)
            await Task.Delay(20);
        var repairedAt = await fault();
        var result = await sending;
        var report = await Outcome.WhenDrainedAsync(scenario, result, repairedAt, Hosts, Replies, patience: TimeSpan.FromSeconds(180));
        Keep(report);
        return report;
    }

    /// <summary>Writes the report beside the test binaries (artifacts/reliability/) for the docs' table and CI's log.</summary>
    private static void Keep(ScenarioReport report)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "reliability");
        Directory.CreateDirectory(folder);
        var name = string.Concat(report.Scenario.Where(char.IsAsciiLetterOrDigit));
        File.WriteAllText(Path.Combine(folder, $"{name}.json"), JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
        File.WriteAllText(Path.Combine(folder, $"{name}.md"), report.TableRow() + "\n");
        TestContext.Current.TestOutputHelper?.WriteLine(report.TableRow());
    }

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    public async ValueTask DisposeAsync()
    {
        await Hosts.DisposeAsync();
        await Replies.DisposeAsync();
        await Redis.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
