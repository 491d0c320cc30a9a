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

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var day = (await Eventually.AtLeastAsync(1, () => _host.Get<IAnalyticsStore>().GetDailyAsync(Some.BotId, today.AddDays(-1), today).Result
            .Where(d => d.Messages >= 2)))[0];
        await Eventually.AtLeastAsync(3, () => _host.Harness.Consumed.Select<Contracts.MessageUnderstood>());
        day = (await _host.Get<IAnalyticsStore>().GetDailyAsync(Some.BotId, today.AddDays(-1), today)).Single();

        Assert.Equal((2L, 1L, 0.5), (day.Messages, day.Fallbacks, day.FallbackRate));
        Assert.Equal(new Dictionary<string, long> { ["fallback"] = 1, ["greet"] = 1 }, day.Intents);
    }
}
