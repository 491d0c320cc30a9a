using System.Diagnostics;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>
/// Debian's Chromium run headless (<c>CHROMIUM</c>, else <c>/usr/bin/chromium</c>): a page's DOM after its scripts ran,
/// and a screenshot of it. Virtual time lets the page's fetches finish before the DOM is read.
/// </summary>
public static class HeadlessChromium
{
    public static string? Path =>
        Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public static Task<string> DumpDomAsync(string url) => RunAsync("--dump-dom", url);

    public static Task ScreenshotAsync(string url, string file) => RunAsync($"--screenshot={file}", "--window-size=1280,1000", "--hide-scrollbars", url);

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-").FullName;
        try
        {
            // Root (CI) cannot use Chromium's sandbox; the page is our own, served from loopback.
            var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("Chromium is not installed."),
                ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", $"--user-data-dir={profile}",
                 "--virtual-time-budget=15000", .. arguments])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var chromium = Process.Start(start)!;
            var output = chromium.StandardOutput.ReadToEndAsync();
            var errors = chromium.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await chromium.WaitForExitAsync(timeout.Token);
            if (chromium.ExitCode != 0)
                throw new InvalidOperationException($"Chromium exited {chromium.ExitCode}: {await errors}");
            return await output;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
