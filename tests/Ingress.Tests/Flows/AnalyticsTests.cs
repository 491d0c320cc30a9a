using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>The analytics endpoint counts what the conversation log holds, per day.</summary>
public sealed class AnalyticsTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private readonly IngressFactory _factory = ingress.Factory;

    [Fact]
    public async Task Messages_intents_and_fallback_rate_match_the_logged_turns()
    {
        var client = _factory.CreateClient();
        var admin = _factory.CreateAdminClient();
        string[] said = ["hello", "where is my order", "ORD12345", "zzqx vbbn plok", "thanks"];
        foreach (var text in said)
            await Chat.SendAsync(client, "stats", text);
        var turns = (await Chat.TurnsAsync(admin, "stats", said.Length)).Turns;

        var analytics = await WaitForCountAsync(admin, said.Length);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var day = Assert.Single(analytics.GetProperty("days").EnumerateArray());
        Assert.Equal(today, day.GetProperty("day").GetString());
        Assert.Equal(said.Length, day.GetProperty("messages").GetInt64());
        var fallbacks = turns.Count(t => t.Intent == "fallback");
        Assert.Equal(fallbacks, analytics.GetProperty("fallbacks").GetInt64());
        Assert.Equal((double)fallbacks / said.Length, analytics.GetProperty("fallbackRate").GetDouble(), 6);
        var intents = day.GetProperty("intents").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(turns.GroupBy(t => t.Intent).ToDictionary(g => g.Key, g => (long)g.Count()), intents);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused()
    {
        var response = await _factory.CreateAdminClient().GetAsync("/api/bots/demo/analytics?from=2026-11-10&to=2026-11-01");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<JsonElement> WaitForCountAsync(HttpClient admin, int messages)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var analytics = await admin.GetFromJsonAsync<JsonElement>("/api/bots/demo/analytics");
            if (analytics.GetProperty("messages").GetInt64() >= messages || DateTime.UtcNow > deadline)
                return analytics;
            await Task.Delay(25);
        }
    }
}
