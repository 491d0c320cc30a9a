using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>The dashboard in a real browser: headless Chromium loads it over HTTP with the admin key and draws every chart from seeded traffic.</summary>
public sealed class DashboardTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_dashboard_renders_non_empty_charts_for_seeded_data_in_headless_chromium()
    {
        Assert.SkipWhen(HeadlessChromium.Path is null, "Chromium is not installed (apt-get install chromium, or set CHROMIUM).");
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var ingress = HostProcess.Start("Ingress", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = url,
            ["Admin__ApiKey"] = IngressFactory.ApiKey,
            ["Documents__Sqlite__Path"] = Path.Combine(_folder.Path, "chatbot.db"),
            ["Objects__FileSystem__Path"] = Path.Combine(_folder.Path, "objects"),
        });
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", IngressFactory.ApiKey);
        await HostProcess.WaitForAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "Ingress ready", ingress);
        string[] said = ["hello", "where is my order", "ORD12345", "zzqx vbbn plok", "thanks", "hello", "qwrt zxcv"];
        for (var i = 0; i < said.Length; i++)
            await http.PostAsJsonAsync("/webhooks/rest/demo", new { sender = $"dash-{i % 3}", message = said[i] });
        await HostProcess.WaitForAsync(async () =>
            (await http.GetFromJsonAsync<JsonElement>("/api/bots/demo/analytics")).GetProperty("totals").GetProperty("messages").GetInt32() == said.Length,
            "analytics of the seeded messages", ingress);

        var page = $"{url}/dashboard#key={IngressFactory.ApiKey}&bot=demo&span=48h";
        var dom = await HeadlessChromium.DumpDomAsync(page);
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await HeadlessChromium.ScreenshotAsync(page, screenshot);
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {screenshot}");

        Assert.Contains("data-loaded=\"true\"", dom);
        Assert.Contains($"Bot demo: {said.Length} messages", dom);
        var volume = Chart(dom, "volume-chart");
        Assert.Equal(said.Length, Regex.Matches(volume, "class=\"bar\"[^>]*data-value=\"(\\d+)\"").Sum(m => int.Parse(m.Groups[1].Value)));
        Assert.Matches("<polyline class=\"line\"", Chart(dom, "fallback-chart"));
        Assert.True(Regex.Matches(Chart(dom, "intent-chart"), "<rect ").Count >= 3, Chart(dom, "intent-chart"));
        Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot is suspiciously small.");
    }

    private static string Chart(string dom, string id) => Regex.Match(dom, $"<svg id=\"{id}\".*?</svg>", RegexOptions.Singleline).Value;

    public void Dispose() => _folder.Dispose();
}
