using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>/metrics shows what an operator scales and alerts on, in the Prometheus text format.</summary>
[Collection(ProcessMetricsCollection.Name)]
public sealed partial class MetricsTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    [Fact]
    public async Task A_conversation_shows_up_in_webhook_nlu_model_and_consumer_metrics()
    {
        await Chat.SendAsync(ingress.Factory.CreateClient(), "metrics", "hello");
        await Chat.SendAsync(ingress.Factory.CreateClient(), "metrics", "zzqx vbbn plok");
        await Chat.TurnsAsync(ingress.Factory.CreateAdminClient(), "metrics", 2);

        Regex[] expected =
        [
            Sample("chatbotpipeline_ingress_webhook_duration_seconds_count", """channel="rest",status="202" """.Trim()),
            Sample("chatbotpipeline_nlu_confidence_count", """bot="other",channel="rest" """.Trim()),
            Sample("chatbotpipeline_nlu_fallbacks", """bot="other",channel="rest" """.Trim()),
            new(@"(?m)^chatbotpipeline_nlu_models_loaded [1-9]"),
            new(@"(?m)^chatbotpipeline_nlu_models_bytes [1-9]"),
            Sample("chatbotpipeline_bus_consumed", """outcome="succeeded",queue="nlu" """.Trim()),
            Sample("chatbotpipeline_bus_consume_duration_seconds_count", """outcome="succeeded",queue="notification" """.Trim()),
        ];

        var metrics = await ScrapeUntilAsync(text => expected.All(pattern => pattern.IsMatch(text)));

        Assert.All(expected, pattern => Assert.Matches(pattern, metrics));
    }

    [Fact]
    public async Task Ten_more_bots_answering_add_no_series()
    {
        var admin = ingress.Factory.CreateAdminClient();
        await Chat.SendAsync(ingress.Factory.CreateClient(), "series-0", "hello");
        await Chat.TurnsAsync(admin, "series-0", 1);
        var before = Series(await ScrapeUntilAsync(text => text.Contains("chatbotpipeline_nlu_confidence_count")));

        for (var i = 0; i < 10; i++)
        {
            var bot = $"series{i}";
            await admin.PostAsJsonAsync("/api/bots", new { id = bot, name = bot, encoder = "none" });
            await admin.PostAsJsonAsync($"/api/bots/{bot}/intents", new Intent("greet", "greet", "Hi!", [], [new TrainingPhrase("hello", []), new TrainingPhrase("hi there", [])]));
            await admin.PostAsJsonAsync($"/api/bots/{bot}/intents", new Intent("bye", "bye", "Bye!", [], [new TrainingPhrase("goodbye", []), new TrainingPhrase("see you", [])]));
            await ingress.Factory.TrainAsync(bot);
            await ingress.Factory.CreateClient().PostAsJsonAsync($"/webhooks/rest/{bot}", new { sender = "series-user", message = "hello" });
        }
        var after = Series(await ScrapeUntilAsync(text => false, TimeSpan.FromSeconds(2)));

        Assert.DoesNotContain("series1", string.Join("\n", after));
        Assert.DoesNotContain(after.Except(before), name => name.StartsWith("chatbotpipeline_nlu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_are_measured_but_not_the_buffers_and_route_matches_each_one_takes()
    {
        await Chat.SendAsync(ingress.Factory.CreateClient(), "per-request", "hello");
        await Chat.TurnsAsync(ingress.Factory.CreateAdminClient(), "per-request", 1);

        var metrics = await ScrapeUntilAsync(text => text.Contains("http_server_request_duration", StringComparison.Ordinal));

        Assert.Contains("http_server_request_duration", metrics);
        Assert.DoesNotContain("aspnetcore_routing_", metrics);
        Assert.DoesNotContain("aspnetcore_memory_pool_", metrics);
        Assert.DoesNotContain("http_client_open_connections", metrics);
    }

    /// <summary>The series of a scrape: each sample line's name and labels.</summary>
    private static HashSet<string> Series(string metrics) =>
        metrics.Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(line => line[..line.LastIndexOf(' ')]).ToHashSet();

    [Fact]
    public async Task Unknown_webhook_paths_do_not_mint_channels()
    {
        await ingress.Factory.CreateClient().PostAsync("/webhooks/no-such-channel/demo", new StringContent("{}"));

        var metrics = await ingress.Factory.CreateClient().GetStringAsync("/metrics");

        Assert.DoesNotContain("no-such-channel", metrics);
        Assert.Matches(Sample("chatbotpipeline_ingress_webhook_duration_seconds_count", """channel="unmatched",status="404" """.Trim()), metrics);
    }

    /// <summary>
    /// The metrics once <paramref name="complete"/> holds, or after 10 s: a consumer's metrics are recorded when its
    /// message is settled, which may be just after the turn it produced is readable.
    /// </summary>
    private async Task<string> ScrapeUntilAsync(Func<string, bool> complete, TimeSpan? atMost = null)
    {
        var deadline = DateTime.UtcNow + (atMost ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var metrics = await ingress.Factory.CreateClient().GetStringAsync("/metrics");
            if (complete(metrics) || DateTime.UtcNow > deadline)
                return metrics;
            await Task.Delay(50);
        }
    }

    /// <summary>A sample line of <paramref name="name"/> whose labels include <paramref name="labels"/>, with a value above zero.</summary>
    private static Regex Sample(string name, string labels) => new($@"(?m)^{name}\{{[^}}]*{labels}[^}}]*\}} [1-9]");
}
