using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>The analytics endpoint reports exactly what a direct count over the logged turns gives, by the day and by the hour.</summary>
public sealed class AnalyticsTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private readonly IngressFactory _factory = ingress.Factory;

    [Theory]
    [InlineData("day")]
    [InlineData("hour")]
    public async Task Analytics_equal_a_direct_count_over_the_stored_turns(string granularity)
    {
        var client = _factory.CreateClient();
        var admin = _factory.CreateAdminClient();
        var from = DateTimeOffset.UtcNow.AddMinutes(-5);
        var to = DateTimeOffset.UtcNow.AddMinutes(5);
        (string Sender, string Text)[] said =
        [
            ($"{granularity}-ann", "hello"), ($"{granularity}-ann", "where is my order"), ($"{granularity}-ann", "ORD12345"),
            ($"{granularity}-bob", "zzqx vbbn plok"), ($"{granularity}-bob", "hello"), ($"{granularity}-cy", "qwrt zxcv"), ($"{granularity}-cy", "thanks"),
        ];
        foreach (var (sender, text) in said)
            await Chat.SendAsync(client, sender, text);
        foreach (var sender in said.Select(s => s.Sender).Distinct())
            await Chat.TurnsAsync(admin, sender, said.Count(s => s.Sender == sender));

        var url = $"/api/bots/demo/analytics?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}&granularity={granularity}";
        // The other theory case shares the bot: count its turns too, straight from the conversation log.
        var logged = await AllTurnsAsync(admin, from, to);
        var report = await WaitForAsync(admin, url, logged.Count);

        var totals = report.Totals;
        Assert.Equal(logged.Count, totals.Messages);
        Assert.Equal(logged.Select(t => t.SenderId).Distinct().Count(), totals.UniqueSenders);
        Assert.Equal(logged.Count(t => t.DialogueState == DialogueStates.Fallback), totals.Fallbacks);
        Assert.Equal(logged.Average(t => t.Confidence), totals.MeanConfidence, 9);
        Assert.Equal(logged.GroupBy(t => t.Intent).ToDictionary(g => g.Key, g => (long)g.Count()), totals.Intents);
        var latencies = logged.Select(t => t.NluMilliseconds!.Value).Order().ToList();
        Assert.Equal(AnalyticsAggregator.Percentile(latencies, 50), totals.NluP50Milliseconds);
        Assert.Equal(AnalyticsAggregator.Percentile(latencies, 95), totals.NluP95Milliseconds);
        Assert.Equal(latencies[(int)Math.Ceiling(0.95 * latencies.Count) - 1], totals.NluP95Milliseconds);
        var unit = granularity == "hour" ? AnalyticsGranularity.Hour : AnalyticsGranularity.Day;
        Assert.Equal(logged.GroupBy(t => AnalyticsAggregator.BucketStart(t.ReceivedAt, unit)).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count())),
            report.Buckets.Select(b => (b.Start, b.Figures.Messages)));
    }

    [Theory]
    [InlineData("from=2026-11-10&to=2026-11-01", "from")]
    [InlineData("granularity=week", "granularity")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=garbage", "to")]
    [InlineData("to=0001-01-01T00:00:00Z", "from")]
    [InlineData("from=2026-01-01&to=2026-12-31&granularity=hour", "to")]
    public async Task A_bad_range_or_granularity_is_400_naming_the_parameter(string query, string parameter)
    {
        var response = await _factory.CreateAdminClient().GetAsync($"/api/bots/demo/analytics?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), errors.ToString());
    }

    private static async Task<List<ConversationTurn>> AllTurnsAsync(HttpClient admin, DateTimeOffset from, DateTimeOffset to)
    {
        var conversations = await admin.GetFromJsonAsync<JsonElement>("/api/bots/demo/conversations?limit=500", TestContext.Current.CancellationToken);
        var turns = new List<ConversationTurn>();
        foreach (var conversation in conversations.EnumerateArray())
        {
            var view = await Chat.TurnsAsync(admin, conversation.GetProperty("conversationId").GetString()!, 0);
            turns.AddRange(view.Turns.Where(t => t.ReceivedAt >= from && t.ReceivedAt < to));
        }
        return turns;
    }

    private static async Task<AnalyticsReport> WaitForAsync(HttpClient admin, string url, int messages)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var report = (await admin.GetFromJsonAsync<AnalyticsReport>(url, JsonSerializerOptions.Web, TestContext.Current.CancellationToken))!;
            if (report.Totals.Messages >= messages || DateTime.UtcNow > deadline)
                return report;
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }
}
