using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Ingress.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatbotPipeline.Ingress.Tests.Webhooks;

public sealed class AdmissionLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 45, TimeSpan.Zero));

    private AdmissionLimiter Limiter(int perMinute, int perBot = 0, int total = 0) => new(
        new MemoryCacheStore(_time, Options.Create(new CacheOptions()), NullLogger<MemoryCacheStore>.Instance),
        Options.Create(new IngressOptions { SenderMessagesPerMinute = perMinute, BotMessagesPerMinute = perBot, TotalMessagesPerMinute = total }), _time);

    [Fact]
    public async Task Over_the_limit_waits_for_the_next_minute_on_the_clock()
    {
        var limiter = Limiter(2);

        Assert.Null(await limiter.CheckAsync("bot", "rest", "u", default));
        Assert.Null(await limiter.CheckAsync("bot", "rest", "u", default));
        Assert.Equal(TimeSpan.FromSeconds(15), (await limiter.CheckAsync("bot", "rest", "u", default))?.RetryAfter);

        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Null(await limiter.CheckAsync("bot", "rest", "u", default));
    }

    [Fact]
    public async Task Senders_bots_and_channels_are_counted_apart()
    {
        var limiter = Limiter(1);
        await limiter.CheckAsync("bot", "rest", "u", default);

        Assert.Null(await limiter.CheckAsync("bot", "rest", "v", default));
        Assert.Null(await limiter.CheckAsync("other", "rest", "u", default));
        Assert.Null(await limiter.CheckAsync("bot", "slack", "u", default));
        Assert.NotNull(await limiter.CheckAsync("bot", "rest", "u", default));
    }

    [Fact]
    public async Task A_bot_limit_counts_every_sender_of_the_bot_and_names_the_bot()
    {
        var limiter = Limiter(0, perBot: 2);
        await limiter.CheckAsync("bot", "rest", "a", default);
        await limiter.CheckAsync("bot", "slack", "b", default);

        Assert.Contains("Bot 'bot'", (await limiter.CheckAsync("bot", "rest", "c", default))?.Reason);
        Assert.Null(await limiter.CheckAsync("other", "rest", "c", default));
    }

    [Fact]
    public async Task A_total_limit_counts_every_bot()
    {
        var limiter = Limiter(0, total: 2);
        await limiter.CheckAsync("one", "rest", "a", default);
        await limiter.CheckAsync("two", "rest", "b", default);

        Assert.Contains("deployment", (await limiter.CheckAsync("three", "rest", "c", default))?.Reason);
    }

    [Fact]
    public async Task Zero_turns_the_limit_off()
    {
        var limiter = Limiter(0);

        for (var i = 0; i < 1000; i++)
            Assert.Null(await limiter.CheckAsync("bot", "rest", "u", default));
    }
}
