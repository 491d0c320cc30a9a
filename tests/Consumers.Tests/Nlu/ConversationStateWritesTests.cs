using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Dialogue;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Tests.Nlu;

/// <summary>Offered buttons and contexts cost a cache write only when there is something to keep or forget.</summary>
public sealed class ConversationStateWritesTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly RemovalCountingCache _cache = new(new MemoryCacheStore(TimeProvider.System, Options.Create(new CacheOptions()), NullLogger<MemoryCacheStore>.Instance));

    [Fact]
    public async Task Buttons_are_forgotten_only_when_some_were_on_offer()
    {
        var choices = new OfferedChoices(_cache);

        var first = await choices.ResolveAsync("bot", "c1", "hello", CancellationToken.None);
        await choices.RememberAsync("bot", "c1", null, first.Offered, Lifetime, CancellationToken.None);
        Assert.Equal((false, 0), (first.Offered, _cache.Removals));

        await choices.RememberAsync("bot", "c1", [new ReplyButton("Track", "/track")], false, Lifetime, CancellationToken.None);
        var second = await choices.ResolveAsync("bot", "c1", "1", CancellationToken.None);
        await choices.RememberAsync("bot", "c1", null, second.Offered, Lifetime, CancellationToken.None);

        Assert.Equal(("/track", true, 1), (second.Said, second.Offered, _cache.Removals));
        Assert.False((await choices.ResolveAsync("bot", "c1", "1", CancellationToken.None)).Offered);
    }

    [Fact]
    public async Task A_context_is_forgotten_only_when_one_was_kept()
    {
        var contexts = new ConversationContextStore(_cache);

        await contexts.SaveAsync("bot", "c1", ConversationContext.Empty, ConversationContext.Empty, Lifetime, CancellationToken.None);
        Assert.Equal(0, _cache.Removals);

        var ordering = ConversationContext.Empty with { IntentId = "order_status" };
        await contexts.SaveAsync("bot", "c1", ConversationContext.Empty, ordering, Lifetime, CancellationToken.None);
        var kept = await contexts.GetAsync("bot", "c1", CancellationToken.None);
        await contexts.SaveAsync("bot", "c1", kept, ConversationContext.Empty, Lifetime, CancellationToken.None);

        Assert.Equal(("order_status", 1), (kept.IntentId, _cache.Removals));
        Assert.Null((await contexts.GetAsync("bot", "c1", CancellationToken.None)).IntentId);
    }

    private sealed class RemovalCountingCache(ICacheStore inner) : ICacheStore
    {
        public int Removals { get; private set; }

        public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
        {
            Removals++;
            return inner.RemoveAsync(key, cancellationToken);
        }

        public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            inner.SetAsync(key, value, timeToLive, cancellationToken);

        public Task<bool> TryAddAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            inner.TryAddAsync(key, value, timeToLive, cancellationToken);

        public Task<long> IncrementByAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken = default) =>
            inner.IncrementByAsync(key, amount, window, cancellationToken);

        public Task<bool> DecrementIfAsync(string key, long expected, CancellationToken cancellationToken = default) =>
            inner.DecrementIfAsync(key, expected, cancellationToken);

        public Task IncrementScoreAsync(string key, string member, double increment, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            inner.IncrementScoreAsync(key, member, increment, timeToLive, cancellationToken);

        public Task<IReadOnlyList<RankedMember>> TopAsync(string key, int count, CancellationToken cancellationToken = default) =>
            inner.TopAsync(key, count, cancellationToken);

        public Task<string?> GetCheckedAsync(string key, CancellationToken cancellationToken = default) => inner.GetCheckedAsync(key, cancellationToken);

        public Task<bool> TryAddCheckedAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            inner.TryAddCheckedAsync(key, value, timeToLive, cancellationToken);

        public Task SetCheckedAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            inner.SetCheckedAsync(key, value, timeToLive, cancellationToken);

        public Task<bool> RemoveIfAsync(string key, string value, CancellationToken cancellationToken = default) =>
            inner.RemoveIfAsync(key, value, cancellationToken);
    }
}
