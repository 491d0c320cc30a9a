using System.Net;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Faults.Tests.Support;

/// <summary>
/// The pipeline as it is deployed: Ingress, Consumers and Training as three processes from their build output over
/// one transport, one Redis and one SQLite file. Any of them can be killed with SIGKILL and started again.
/// </summary>
public sealed class PipelineHosts : IAsyncDisposable
{
    public const string ApiKey = "faults-admin-key-0123456789";
    public const int PublishTimeoutSeconds = 5;

    private readonly Dictionary<string, string> _shared;
    private readonly Dictionary<string, (HostProcess Process, string Url)> _hosts = [];
    private readonly List<(string Host, HostProcess Process)> _started = [];

    public PipelineHosts(string folder, IReadOnlyDictionary<string, string> transport, string redisConfiguration)
    {
        DatabasePath = Path.Combine(folder, "chatbot.db");
        _shared = new Dictionary<string, string>(transport)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_gcServer"] = "0",
            ["Admin__ApiKey"] = ApiKey,
            ["Documents__Sqlite__Path"] = DatabasePath,
            ["Objects__FileSystem__Path"] = Path.Combine(folder, "objects"),
            ["Cache__Provider"] = "Redis",
            ["Cache__Redis__Configuration"] = redisConfiguration,
            ["Bus__PublishTimeoutSeconds"] = $"{PublishTimeoutSeconds}",
            ["Ingress__SenderMessagesPerMinute"] = "0",
            // A claim left by a killed notification consumer lasts one attempt (5 s + 5 s), and is waited out in 500 ms steps.
            ["Notifications__TimeoutSeconds"] = "5",
            ["Notifications__MaxRetryAfterSeconds"] = "0",
            ["Notifications__MemoryWaitMilliseconds"] = "500",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
    }

    public string DatabasePath { get; }

    public string IngressUrl => _hosts["Ingress"].Url;

    /// <summary>Everything the hosts printed, for a failing test's message.</summary>
    public string Output => string.Join("\n", _started.Select(h => $"--- {h.Host} (pid {h.Process.Id})\n{h.Process.Output}"));

    public async Task StartAsync()
    {
        // Ingress first: it creates the demo bot the trainer trains and the consumers wait for.
        await StartAsync("Ingress");
        await Task.WhenAll(StartAsync("Training"), StartAsync("Consumers"));
    }

    /// <summary>Starts (or restarts) a host on its port and waits until it reports ready.</summary>
    /// <param name="replica">Names a further replica of the host (a second Consumers), started beside the first.</param>
    public async Task StartAsync(string host, string? replica = null)
    {
        var name = replica ?? host;
        var url = _hosts.TryGetValue(name, out var running) ? running.Url : $"http://127.0.0.1:{HostProcess.FreePort()}";
        var environment = new Dictionary<string, string>(_shared) { ["ASPNETCORE_URLS"] = url };
        var process = HostProcess.Start(host, environment);
        _hosts[name] = (process, url);
        _started.Add((name, process));
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        await HostProcess.WaitForAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, $"{host} ready", process);
    }

    /// <summary>kill -9 of one host; its messages in flight are left to the transport's redelivery.</summary>
    public Task KillAsync(string host) => _hosts[host].Process.KillAsync();

    /// <summary>Lines a host logged that say its thread pool could not keep up.</summary>
    public IEnumerable<string> StarvationWarnings() => LinesSaying("thread pool starvation");

    /// <summary>The hosts' log lines that contain <paramref name="text"/> (case-insensitive): what they repaired on their own.</summary>
    public IEnumerable<string> LinesSaying(string text) => _started
        .SelectMany(h => h.Process.Output.Split('\n'))
        .Where(line => line.Contains(text, StringComparison.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process) in _started)
            await process.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
