using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// The dashboard in a real browser: headless Chromium loads it over HTTP with the admin key, draws every chart from
/// seeded traffic, lists the conversations and reads one as a transcript.
/// </summary>
public sealed class DashboardTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_dashboard_renders_non_empty_charts_for_seeded_data_in_headless_chromium()
    {
        Assert.SkipWhen(HeadlessChromium.Path is null, "Chromium is not installed (apt-get install chromium, or set CHROMIUM).");
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var ingress = HostProcess.Start("Host", EmbeddedSettings.For(_folder.Path, url));
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", IngressFactory.ApiKey);
        await HostProcess.WaitForAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "Ingress ready", ingress);
        // Replies carry reply Markdown: the transcript must show it as the chat page does, not as raw asterisks.
        var thanks = (await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/bots/demo/intents/thanks"))!;
        thanks["speechResponse"] = "You're **welcome**!";
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync("/api/bots/demo/intents/thanks", thanks)).StatusCode);
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
        // Every message fell in one hour: one point is not a trend, and the chart says so instead of drawing a lone dot.
        Assert.Contains("Not enough data for a trend yet", Chart(dom, "fallback-chart"));
        Assert.DoesNotContain("<circle", Chart(dom, "fallback-chart"));
        Assert.True(Regex.Matches(Chart(dom, "intent-chart"), "<rect ").Count >= 3, Chart(dom, "intent-chart"));
        Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot is suspiciously small.");

        // The conversations view: every seeded conversation listed, the chosen one read as a transcript.
        await using var browser = await ChromiumPage.OpenAsync($"{page}&conversation=dash-0");
        await browser.WaitUntilAsync("document.getElementById('transcript').dataset.conversation === 'dash-0'", "the transcript of dash-0");
        var listed = (await browser.EvaluateAsync("[...document.querySelectorAll('#conversation-list tbody tr')].map(r => r.dataset.conversation).sort().join(',')"))!.GetValue<string>();
        var transcript = (await browser.EvaluateAsync("[...document.querySelectorAll('#transcript li')].map(li => li.className + ': ' + li.textContent).join('\\n')"))!.GetValue<string>();
        await browser.EvaluateAsync("document.getElementById('conversations-title').scrollIntoView(); true");
        await browser.ScreenshotAsync(Path.Combine(AppContext.BaseDirectory, "artifacts", "conversations.png"));

        Assert.Equal("dash-0,dash-1,dash-2", listed);
        // dash-0 said "hello", then two lines of gibberish: a greeting and two fallbacks, each answered.
        Assert.Contains("user: hello", transcript);
        Assert.Contains("meta: greet", transcript);
        Assert.Contains("user: zzqx vbbn plok", transcript);
        Assert.Contains("meta fallback: fallback", transcript);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(transcript, "(?m)^user: ").Count);
        Assert.True(System.Text.RegularExpressions.Regex.Matches(transcript, "(?m)^bot: .+").Count >= 3, transcript);
        // Only dash-0 ended in a fallback.
        await browser.EvaluateAsync("document.getElementById('fallback-filter').click(); true");
        Assert.Equal("dash-0", (await browser.EvaluateAsync("[...document.querySelectorAll('#conversation-list tbody tr')].map(r => r.dataset.conversation).join(',')"))!.GetValue<string>());
        // Every intent name is drawn whole: the bars start after the widest label.
        var labelsFit = await browser.EvaluateAsync("""
            (() => { const texts = [...document.querySelectorAll('#intent-chart text')].filter(t => !/^\d+$/.test(t.textContent));
                     const bar = document.querySelector('#intent-chart rect');
                     return Math.max(...texts.map(t => t.getBBox().width)) <= +bar.getAttribute('x'); })()
            """);
        Assert.True(labelsFit!.GetValue<bool>(), "an intent label runs into its bar");

        await using var thanked = await ChromiumPage.OpenAsync($"{page}&conversation=dash-1");
        await thanked.WaitUntilAsync("document.getElementById('transcript').dataset.conversation === 'dash-1'", "the transcript of dash-1");
        Assert.Equal("welcome", (await thanked.EvaluateAsync("document.querySelector('#transcript li.bot strong')?.textContent ?? ''"))!.GetValue<string>());

        // A refused key says so, and how to set it.
        var refused = await HeadlessChromium.DumpDomAsync($"{url}/dashboard#key=not-the-key-0123456789&bot=demo");
        Assert.Contains("The admin key was refused", refused);
    }

    private static string Chart(string dom, string id) => Regex.Match(dom, $"<svg id=\"{id}\".*?</svg>", RegexOptions.Singleline).Value;

    public void Dispose() => _folder.Dispose();
}
