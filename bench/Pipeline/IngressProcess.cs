using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>
/// The Ingress, built in Release, started as its own process over a fresh data folder: the embedded default, or the
/// backends <paramref name="backends"/> names (environment-variable configuration, as an operator would set it).
/// </summary>
internal sealed class IngressProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private IngressProcess(Process process, string data, string url)
    {
        _process = process;
        _data = data;
        Url = url;
    }

    public string Url { get; }

    public int ProcessId => _process.Id;

    /// <param name="host"><c>Host</c>: the embedded default, workers included; <c>Ingress</c>: the thin Ingress alone.</param>
    public static async Task<IngressProcess> StartAsync(IReadOnlyDictionary<string, string>? backends = null, string host = "Host")
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", host, "bin", "Release", "net10.0", $"ChatbotPipeline.{host}.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build src/{host} in Release first (the bench's project reference does it).", dll);
        var data = Directory.CreateTempSubdirectory("chatbot-bench-").FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(dll)])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = url,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Admin__ApiKey"] = "bench-admin-key-0123456789",
                ["Documents__Sqlite__Path"] = Path.Combine(data, "chatbot.db"),
                ["Objects__FileSystem__Path"] = Path.Combine(data, "objects"),
                ["Logging__LogLevel__Default"] = "Warning",
                // Each simulated user is one sender sending as fast as it is answered: far above a person's rate. The
                // limiter still counts every message, so its cost is in the numbers.
                ["Ingress__SenderMessagesPerMinute"] = "1000000",
                ["Ingress__CallbackHosts__0"] = "127.0.0.1",
            },
        };
        foreach (var (key, value) in backends ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        // Console logs go to stdout: errors are shown, the rest dropped.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal)))
                Console.Error.WriteLine($"[ingress] {line}");
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[ingress] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ingress = new IngressProcess(process, data, url);
        await ingress.WaitUntilReadyAsync();
        return ingress;
    }

    /// <summary>The process's peak resident memory (VmHWM), in MiB.</summary>
    public double PeakResidentMiB() => StatusMiB("VmHWM:");

    /// <summary>The process's resident memory now (VmRSS), in MiB.</summary>
    public double ResidentMiB() => StatusMiB("VmRSS:");

    private double StatusMiB(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync($"{Url}/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("Ingress did not become ready within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
