using System.Diagnostics;
using System.Net;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Cli;

/// <summary>What one run of the CLI printed, and how it exited.</summary>
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}

/// <summary>A real Ingress (embedded default, its own data) for the CLI tests, and the <c>chatbot</c> CLI run against it.</summary>
public sealed class CliHost : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private HostProcess? _ingress;

    public string Url { get; } = $"http://127.0.0.1:{HostProcess.FreePort()}";

    public string Folder => _folder.Path;

    public async ValueTask InitializeAsync()
    {
        _ingress = HostProcess.Start("Host", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = Url,
            ["Admin__ApiKey"] = IngressFactory.ApiKey,
            ["Documents__Sqlite__Path"] = Path.Combine(_folder.Path, "chatbot.db"),
            ["Objects__FileSystem__Path"] = Path.Combine(_folder.Path, "objects"),
        });
        using var http = new HttpClient();
        await HostProcess.WaitForAsync(async () => (await http.GetAsync($"{Url}/health/ready")).StatusCode == HttpStatusCode.OK, "Ingress ready", _ingress);
    }

    /// <summary>The command line that runs the CLI against this Ingress (for tmux).</summary>
    public string CommandLine(params string[] args) =>
        $"CHATBOT_URL={Url} CHATBOT_API_KEY={IngressFactory.ApiKey} dotnet {Path.Combine(AppContext.BaseDirectory, "ChatbotPipeline.Cli.dll")} {string.Join(' ', args)}";

    public async Task<CliRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ChatbotPipeline.Cli.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = _folder.Path,
            Environment = { ["CHATBOT_URL"] = Url, ["CHATBOT_API_KEY"] = IngressFactory.ApiKey },
        };
        using var cli = Process.Start(start)!;
        cli.StandardInput.Close();
        var output = cli.StandardOutput.ReadToEndAsync();
        var errors = cli.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await cli.WaitForExitAsync(timeout.Token);
        return new CliRun(cli.ExitCode, await output, await errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ingress is not null)
            await _ingress.DisposeAsync();
        _folder.Dispose();
    }
}
