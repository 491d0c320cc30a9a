using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Consumers.Tests.Analytics;

public sealed class AnalyticsConsumerTests : IAsyncLifetime
{
    private readonly PipelineTestHost _host = new();

    public async ValueTask InitializeAsync() => await _host.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Messages_are_counted_once_per_id_with_fallbacks_apart()
    {
        var greeting = Some.Understood(Some.Message("hi"), "greet");
        await _host.Harness.Bus.Publish(greeting);
        await _host.Harness.Bus.Publish(greeting);
        await _host.Harness.Bus.Publish(Some.Understood(Some.Message("blorp"), SystemIntents.Fallback));

        Task<AnalyticsReport> ReportAsync() => AnalyticsAggregator.BuildAsync(_host.Get<IAnalyticsStore>(), Some.BotId,
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddMinutes(1), AnalyticsGranularity.Day, CancellationToken.None);
        await Eventually.TrueAsync(() => ReportAsync().Result.Totals.Messages >= 2);
        await Eventually.AtLeastAsync(3, () => _host.Harness.Consumed.Select<Contracts.MessageUnderstood>());
        var day = (await ReportAsync()).Totals;

        Assert.Equal((2L, 1L, 0.5), (day.Messages, day.Fallbacks, day.FallbackRate));
        Assert.Equal(new Dictionary<string, long> { ["fallback"] = 1, ["greet"] = 1 }, day.Intents);
        Assert.Equal((1L, 3.5), (day.UniqueSenders, day.NluP50Milliseconds));
    }
}
