using ChatbotPipeline.Backends.Documents;

namespace ChatbotPipeline.Backends.Tests.Documents;

/// <summary>What every <see cref="IAnalyticsStore"/> must do; subclassed once per implementation.</summary>
public abstract class AnalyticsStoreContract
{
    protected abstract IAnalyticsStore Store { get; }

    private static readonly DateTimeOffset Day1 = new(2026, 11, 1, 23, 59, 0, TimeSpan.Zero);

    private static AnalyticsEvent Event(string id, string intent, DateTimeOffset at, bool fallback = false, double confidence = 0.8, string bot = "bot") =>
        new(id, bot, at, intent, fallback, confidence);

    [Fact]
    public async Task Daily_figures_count_messages_intents_and_fallbacks_per_utc_day()
    {
        await Store.RecordAsync(Event("1", "greet", Day1, confidence: 0.9));
        await Store.RecordAsync(Event("2", "greet", Day1, confidence: 0.7));
        await Store.RecordAsync(Event("3", "fallback", Day1, fallback: true, confidence: 0.2));
        await Store.RecordAsync(Event("4", "order", Day1.AddMinutes(2)));
        await Store.RecordAsync(Event("5", "order", Day1, bot: "other"));

        var days = await Store.GetDailyAsync("bot", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2));

        Assert.Equal(2, days.Count);
        var first = days[0];
        Assert.Equal((new DateOnly(2026, 11, 1), 3L, 1L), (first.Day, first.Messages, first.Fallbacks));
        Assert.Equal(1.0 / 3, first.FallbackRate, 6);
        Assert.Equal(0.6, first.MeanConfidence, 6);
        Assert.Equal(new Dictionary<string, long> { ["fallback"] = 1, ["greet"] = 2 }, first.Intents);
        Assert.Equal((new DateOnly(2026, 11, 2), 1L), (days[1].Day, days[1].Messages));
    }

    [Fact]
    public async Task A_message_is_counted_once()
    {
        Assert.True(await Store.RecordAsync(Event("1", "greet", Day1)));
        Assert.False(await Store.RecordAsync(Event("1", "greet", Day1)));

        Assert.Equal(1, Assert.Single(await Store.GetDailyAsync("bot", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1))).Messages);
    }

    [Fact]
    public async Task Days_outside_the_range_are_left_out()
    {
        await Store.RecordAsync(Event("1", "greet", Day1));

        Assert.Empty(await Store.GetDailyAsync("bot", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 30)));
    }
}
