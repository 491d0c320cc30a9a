using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Readme;

/// <summary>
/// Every shell block of the README runs, in order, as a newcomer would paste it, against the embedded default on the
/// README's port (5080): <c>curl</c> fails on any HTTP error (and retries a few times, as a person would while a
/// message is processed), <c>chatbot</c> is the CLI. A block the test cannot run says why in a
/// <c>&lt;!-- README test: not run (…) --&gt;</c> line above it.
/// </summary>
[Trait("Category", "Readme")]
public sealed partial class ReadmeTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    public static IEnumerable<(string Heading, string Script, string? NotRun)> Blocks()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));
        var heading = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
                heading = lines[i][3..];
            if (lines[i] != "```bash")
                continue;
            var notRun = i > 0 && NotRun().Match(lines[i - 1]) is { Success: true } match ? match.Groups["why"].Value : null;
            var script = new StringBuilder();
            for (i++; lines[i] != "```"; i++)
                script.AppendLine(lines[i]);
            yield return (heading, script.ToString(), notRun);
        }
    }

    [Fact]
    public void Every_block_not_run_says_why()
    {
        var blocks = Blocks().ToList();
        Assert.True(blocks.Count(b => b.NotRun is null) >= 4, "the README's runnable blocks");
        Assert.All(blocks.Where(b => b.NotRun is not null), b => Assert.False(string.IsNullOrWhiteSpace(b.NotRun), b.Heading));
    }

    [Fact]
    public async Task Every_shell_block_runs_without_error_against_the_embedded_default()
    {
        Assert.SkipUnless(IsPortFree(5080) && IsPortFree(9100), "Port 5080 (the README's Ingress) or 9100 (its fake order API) is taken.");
        using var work = new TempFolder();
        var home = Directory.CreateDirectory(Path.Combine(work.Path, "home")).FullName;
        // The blocks run from the repository's root, as the README says; what they write there is removed afterwards.
        var before = Directory.GetFileSystemEntries(Root).ToHashSet();
        await using var ingress = HostProcess.Start("Host", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://localhost:5080",
            ["Documents__Sqlite__Path"] = Path.Combine(work.Path, "data", "chatbot.db"),
            ["Objects__FileSystem__Path"] = Path.Combine(work.Path, "data", "objects"),
        });
        using var http = new HttpClient { BaseAddress = new Uri("http://localhost:5080") };
        await HostProcess.WaitForAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "Ingress ready", ingress);

        var cli = Path.Combine(Root, "src", "Cli", "bin", new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "ChatbotPipeline.Cli.dll");
        var prelude = $$"""
            set -euo pipefail
            export HOME='{{home}}' NUGET_PACKAGES='{{NuGetPackages()}}' PATH="{{home}}/.dotnet/tools:$PATH"
            export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
            curl() {
              case " $* " in
                *" -f "*|*" -sf "*|*" --fail "*) command curl --max-time 60 "$@" ;;  # the block checks the status itself
                *) command curl --fail-with-body --retry 5 --retry-delay 1 --retry-all-errors --max-time 60 "$@" ;;
              esac
            }
            chatbot() { dotnet '{{cli}}' "$@"; }

            """;
        try
        {
            await RunBlocksAsync(prelude, ingress);
        }
        finally
        {
            foreach (var made in Directory.GetFileSystemEntries(Root).Where(entry => !before.Contains(entry)))
                if (File.Exists(made))
                    File.Delete(made);
                else
                    Directory.Delete(made, recursive: true);
        }
    }

    private static async Task RunBlocksAsync(string prelude, HostProcess ingress)
    {
        foreach (var (heading, script, _) in Blocks().Where(b => b.NotRun is null))
        {
            var (exitCode, output) = await RunAsync(Root, prelude + script);
            TestContext.Current.TestOutputHelper?.WriteLine($"## {heading}: exit {exitCode}\n{output}");
            Assert.True(exitCode == 0, $"The block under \"{heading}\" failed with exit code {exitCode}:\n{script}\n--- output ---\n{output}\n--- Ingress ---\n{ingress.Output[^Math.Min(4000, ingress.Output.Length)..]}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"(still running after 3 minutes, stopped)\n{await output}{await errors}");
        }
        return (process.ExitCode, await output + await errors);
    }

    private static string NuGetPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex("^<!-- README test: not run \\((?<why>.*)\\) -->$")]
    private static partial Regex NotRun();
}
