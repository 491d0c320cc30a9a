using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>
/// A page in headless Chromium driven over the DevTools protocol, for pages that must be used, not only loaded:
/// type into a form, wait for what the page shows, read its HTML, take a screenshot. Real time, so a page with a
/// live event stream works (virtual time stops while a request is open).
/// </summary>
public sealed class ChromiumPage : IAsyncDisposable
{
    private readonly Process _chromium;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private ChromiumPage(Process chromium, string profile)
    {
        _chromium = chromium;
        _profile = profile;
    }

    public static async Task<ChromiumPage> OpenAsync(string url)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-").FullName;
        var chromium = Process.Start(new ProcessStartInfo(HeadlessChromium.Path ?? throw new InvalidOperationException("Chromium is not installed."),
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
             "--remote-debugging-port=0", "--window-size=1000,900", "--hide-scrollbars", $"--user-data-dir={profile}", "about:blank"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var page = new ChromiumPage(chromium, profile);
        // Chromium says where its DevTools endpoint listens on stderr: "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…".
        string? line;
        while ((line = await chromium.StandardError.ReadLineAsync()) is not null && !line.Contains("DevTools listening on", StringComparison.Ordinal))
        {
        }
        var browser = new Uri(line?[(line.IndexOf("ws://", StringComparison.Ordinal))..] ?? throw new InvalidOperationException("Chromium did not start DevTools."));
        using var http = new HttpClient();
        var targets = await http.GetFromJsonAsync<JsonArray>($"http://{browser.Authority}/json/list");
        var target = targets!.First(t => t!["type"]!.GetValue<string>() == "page")!;
        await page._socket.ConnectAsync(new Uri(target["webSocketDebuggerUrl"]!.GetValue<string>()), CancellationToken.None);
        await page.SendAsync("Page.enable");
        await page.SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        return page;
    }

    /// <summary>The value of a JavaScript expression in the page.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        return result["result"]?["value"];
    }

    /// <summary>Waits up to 30 s until <paramref name="condition"/> (a JavaScript expression) is true.</summary>
    public async Task WaitUntilAsync(string condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await EvaluateAsync($"!!({condition})"))?.GetValue<bool>() != true)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The page did not show {what}. Its body: {await EvaluateAsync("document.body.innerHTML")}");
            await Task.Delay(100);
        }
    }

    public async Task ScreenshotAsync(string file)
    {
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(shot["data"]!.GetValue<string>()));
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++_nextId;
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                message.Write(buffer, 0, received.Count);
            } while (!received.EndOfMessage);
            var reply = JsonNode.Parse(message.ToArray())!;
            // Events (no id) and answers to other commands are not ours.
            if (reply["id"]?.GetValue<int>() != id)
                continue;
            if (reply["error"] is { } error)
                throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
            return reply["result"]!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_chromium.HasExited)
            _chromium.Kill(entireProcessTree: true);
        await _chromium.WaitForExitAsync();
        _chromium.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
