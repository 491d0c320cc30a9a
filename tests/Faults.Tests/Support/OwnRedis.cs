using System.Diagnostics;
using System.Net.Sockets;

namespace ChatbotPipeline.Faults.Tests.Support;

/// <summary>
/// A Redis server of the suite's own (<c>REDIS_SERVER</c>, or redis-server on the PATH) on a free loopback port, with
/// no persistence: killing it with SIGKILL and starting it again gives an empty Redis at the same address, as a
/// crashed cache node replaced by a new one would. Other test projects' Redis is never touched.
/// </summary>
public sealed class OwnRedis : IAsyncDisposable
{
    private readonly string _binary;
    private Process? _process;

    private OwnRedis(string binary, int port)
    {
        _binary = binary;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<OwnRedis> StartAsync()
    {
        var binary = Environment.GetEnvironmentVariable("REDIS_SERVER") is { Length: > 0 } configured ? configured
            : File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null;
        Assert.SkipWhen(binary is null, "No redis-server (REDIS_SERVER): the fault suite runs a Redis of its own.");
        var redis = new OwnRedis(binary!, ChatbotPipeline.Tests.Shared.HostProcess.FreePort());
        await redis.RestartAsync();
        return redis;
    }

    /// <summary>Starts the server (empty) and returns once it accepts connections.</summary>
    public async Task RestartAsync()
    {
        _process = Process.Start(new ProcessStartInfo(_binary,
            ["--bind", "127.0.0.1", "--port", $"{Port}", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>kill -9.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
