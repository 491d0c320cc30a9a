using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Consumers.Tests.Analytics;

/// <summary>The day's most frequent intents come from Redis's ranked set, counted once per message.</summary>
public sealed class TopIntentsTests
{
    [Fact]
    public async Task Each_message_counts_once_into_the_days_ranked_set_on_redis()
    {
        var redis = Environment.GetEnvironmentVariable("REDIS_CONFIGURATION");
        Assert.SkipWhen(string.IsNullOrEmpty(redis), "REDIS_CONFIGURATION is not set.");
        await using var host = await new PipelineTestHost(new Dictionary<string, string?>
        {
            ["Cache:Provider"] = "Redis",
            ["Cache:Redis:Configuration"] = redis,
            ["Cache:Redis:KeyPrefix"] = $"top-{Guid.NewGuid():N}:",
        }).StartAsync();
        MessageUnderstood[] messages =
        [
            Some.Understood(Some.Message("where is my order"), "order_status"), Some.Understood(Some.Message("track it"), "order_status"),
            Some.Understood(Some.Message("hi"), "greet"), Some.Understood(Some.Message("blorp"), SystemIntents.Fallback),
        ];

        foreach (var message in messages)
            await host.Harness.Bus.Publish(message);
        await host.Harness.Bus.Publish(messages[0]);

        var top = host.Get<TopIntents>();
        await Eventually.TrueAsync(() => top.OfDayAsync(Some.BotId, DateTimeOffset.UtcNow, 10, CancellationToken.None).Result.Sum(m => m.Score) >= 4);
        await Eventually.AtLeastAsync(5, () => host.Harness.Consumed.Select<MessageUnderstood>());
        Assert.Equal([new RankedMember("order_status", 2), new RankedMember("greet", 1), new RankedMember(SystemIntents.Fallback, 1)],
            await top.OfDayAsync(Some.BotId, DateTimeOffset.UtcNow, 10, CancellationToken.None));
    }
}
