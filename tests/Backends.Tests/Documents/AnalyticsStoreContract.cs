using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Documents;

namespace ChatbotPipeline.Backends.Tests.Documents;

/// <summary>What every <see cref="IAnalyticsStore"/> must do, and the report folded from it; subclassed once per implementation.</summary>
public abstract class AnalyticsStoreContract
{
    protected abstract IAnalyticsStore Store { get; }

    private static readonly DateTimeOffset Day1 = new(2026, 11, 1, 22, 59, 0, TimeSpan.Zero);

    private static AnalyticsEvent Event(string id, string intent, DateTimeOffset at, bool fallback = false, double confidence = 0.8, string bot = "bot",
        string sender = "u1", double nluMs = 2) =>
        new(id, bot, at, intent, fallback, confidence, sender, nluMs);

    private Task<AnalyticsReport> ReportAsync(AnalyticsGranularity granularity, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        AnalyticsAggregator.BuildAsync(Store, "bot", from ?? Day1.AddDays(-1), to ?? Day1.AddDays(2), granularity, CancellationToken.None);

    private async Task SeedAsync()
    {
        await Store.RecordAsync(Event("1", "greet", Day1, confidence: 0.9, sender: "ann", nluMs: 1));
        await Store.RecordAsync(Event("2", "greet", Day1.AddSeconds(1), confidence: 0.7, sender: "bob", nluMs: 3));
        await Store.RecordAsync(Event("3", "fallback", Day1.AddSeconds(2), fallback: true, confidence: 0.2, sender: "ann", nluMs: 2));
        await Store.RecordAsync(Event("4", "order", Day1.AddMinutes(2), sender: "cy", nluMs: 10));
        await Store.RecordAsync(Event("5", "order", Day1.AddHours(1).AddMinutes(30), sender: "ann", nluMs: 4));
        await Store.RecordAsync(Event("6", "order", Day1, bot: "other"));
    }

    [Fact]
    public async Task Daily_figures_count_messages_senders_intents_fallbacks_confidence_and_latency_per_utc_day()
    {
        await SeedAsync();

        var report = await ReportAsync(AnalyticsGranularity.Day);

        Assert.Equal([new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)],
            report.Buckets.Select(b => b.Start));
        var first = report.Buckets[0].Figures;
        Assert.Equal((4L, 3L, 1L), (first.Messages, first.UniqueSenders, first.Fallbacks));
        Assert.Equal(0.25, first.FallbackRate, 6);
        Assert.Equal(0.65, first.MeanConfidence, 6);
        Assert.Equal((2.0, 10.0), (first.NluP50Milliseconds, first.NluP95Milliseconds));
        Assert.Equal(new Dictionary<string, long> { ["greet"] = 2, ["fallback"] = 1, ["order"] = 1 }, first.Intents);
        Assert.Equal(["greet", "fallback", "order"], first.Intents.Keys);
        var second = report.Buckets[1].Figures;
        Assert.Equal((1L, 1L, 4.0), (second.Messages, second.UniqueSenders, second.NluP95Milliseconds));
        Assert.Equal((5L, 3L, 1L), (report.Totals.Messages, report.Totals.UniqueSenders, report.Totals.Fallbacks));
    }

    [Fact]
    public async Task Hourly_buckets_split_the_same_events_by_utc_hour()
    {
        await SeedAsync();

        var report = await ReportAsync(AnalyticsGranularity.Hour);

        Assert.Equal([(22, 3L), (23, 1L), (0, 1L)], report.Buckets.Select(b => (b.Start.Hour, b.Figures.Messages)));
    }

    [Fact]
    public async Task A_message_is_recorded_once()
    {
        Assert.True(await Store.RecordAsync(Event("1", "greet", Day1)));
        Assert.False(await Store.RecordAsync(Event("1", "greet", Day1)));

        Assert.Equal(1, (await ReportAsync(AnalyticsGranularity.Day)).Totals.Messages);
    }

    [Fact]
    public async Task A_batch_records_its_new_events_and_says_which_they_were()
    {
        await Store.RecordAsync(Event("1", "greet", Day1));

        var recorded = await Store.RecordAllAsync([Event("1", "greet", Day1), Event("2", "order", Day1), Event("2", "order", Day1), Event("3", "bye", Day1)]);

        Assert.Equal(["2", "3"], recorded.Select(e => e.MessageId));
        Assert.Equal(3, (await ReportAsync(AnalyticsGranularity.Day)).Totals.Messages);
    }

    [Fact]
    public async Task Events_outside_the_range_are_left_out_and_the_end_is_exclusive()
    {
        await Store.RecordAsync(Event("1", "greet", Day1));
        await Store.RecordAsync(Event("2", "greet", Day1.AddHours(2)));

        var report = await ReportAsync(AnalyticsGranularity.Day, from: Day1.AddSeconds(1), to: Day1.AddHours(2));

        Assert.Equal(0, report.Totals.Messages);
        Assert.Empty(report.Buckets);
    }
}
