using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// The chat page in a real browser, talking to ai-chatbot-framework's order bot over a real Ingress: the API's answer
/// in bold and the bot's buttons are shown, and a pressed button is sent as the next message. Screenshot kept.
/// </summary>
public sealed class ChatPageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_chat_page_shows_the_order_bots_bold_answer_and_buttons_and_sends_a_pressed_one()
    {
        Assert.SkipWhen(HeadlessChromium.Path is null, "Chromium is not installed (apt-get install chromium, or set CHROMIUM).");
        await using var orders = await FakeOrderApi.StartAsync();
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var ingress = HostProcess.Start("Host", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = url,
            ["Admin__ApiKey"] = IngressFactory.ApiKey,
            ["Documents__Sqlite__Path"] = Path.Combine(_folder.Path, "chatbot.db"),
            ["Objects__FileSystem__Path"] = Path.Combine(_folder.Path, "objects"),
        });
        using var admin = new HttpClient { BaseAddress = new Uri(url) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", IngressFactory.ApiKey);
        await HostProcess.WaitForAsync(async () => (await admin.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "Ingress ready", ingress);
        await ImportOrderBotAsync(admin, orders.BaseUrl);
        await HostProcess.WaitForAsync(async () => (await admin.GetAsync("/api/bots/orders/model")).StatusCode == HttpStatusCode.OK, "the order bot trained", ingress);

        await using var page = await ChromiumPage.OpenAsync($"{url}/?bot=orders");
        await page.WaitUntilAsync("document.getElementById('status').textContent === 'connected'", "a connected stream");
        foreach (var text in new[] { "What is my order status", "ORD123456" })
        {
            await page.EvaluateAsync($"document.getElementById('text').value = '{text}'; document.getElementById('composer').requestSubmit(); true");
            await Task.Delay(300);
        }
        await page.WaitUntilAsync("document.querySelector('#log li.bot strong')", "the bold order status");
        await page.WaitUntilAsync("document.querySelectorAll('#log li.buttons button').length === 2", "the order bot's buttons");
        await page.ScreenshotAsync(Path.Combine(AppContext.BaseDirectory, "artifacts", "chat-order-bot.png"));

        Assert.Equal("shipped", (await page.EvaluateAsync("document.querySelector('#log li.bot strong').textContent"))!.GetValue<string>());
        Assert.Equal(0, (await page.EvaluateAsync("[...document.querySelectorAll('#log li.bot')].filter(li => /<\\/?b>/.test(li.textContent)).length"))!.GetValue<int>());
        await page.EvaluateAsync("document.querySelector('#log li.buttons button').click(); true");
        await page.WaitUntilAsync("[...document.querySelectorAll('#log li.user')].some(li => li.textContent === 'Track another order')", "the pressed button as a message");
        await page.WaitUntilAsync("document.querySelectorAll('#log li.meta').length >= 3", "the answer to the pressed button");
        Assert.Contains("check_order_status", (await page.EvaluateAsync("[...document.querySelectorAll('#log li.meta')].at(-1).textContent"))!.GetValue<string>());
    }

    /// <summary>The shipped order bot, its API on the fake, allowed to call it, with two buttons under its answer.</summary>
    private static async Task ImportOrderBotAsync(HttpClient admin, string api)
    {
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Files", "aicf", "order_status.json")))!;
        var intent = file["intents"]!.AsArray().Single(i => i!["intentId"]!.GetValue<string>() == "check_order_status")!;
        intent["apiDetails"]!["url"] = $"{api}/api/orders/status?order_id={{{{ parameters['order_number'] }}}}";
        intent["buttons"] = new JsonArray(new JsonObject { ["title"] = "Track another order", ["payload"] = "/check_order_status" },
            new JsonObject { ["title"] = "That's all", ["payload"] = "/cancel" });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/bots/orders/import", JsonContent.Create(file))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/bots/orders", new { id = "orders", name = "Orders", actionHosts = new[] { new Uri(api).Authority } })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/bots/orders/train", null)).StatusCode);
    }

    public void Dispose() => _folder.Dispose();
}
