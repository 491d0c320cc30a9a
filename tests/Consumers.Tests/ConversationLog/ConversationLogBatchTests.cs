using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Consumers.Tests.ConversationLog;

public sealed class ConversationLogBatchTests
{
    [Fact]
    public async Task Verdicts_arriving_together_are_stored_in_fewer_writes_than_there_are_messages()
    {
        CountingConversationStore? counting = null;
        await using var host = new PipelineTestHost(configure: services => services.AddSingleton<IConversationStore>(provider =>
            counting = new CountingConversationStore(new SqliteConversationStore(provider.GetRequiredService<SqliteDatabase>()))));
        await host.StartAsync();

        var verdicts = Enumerable.Range(0, 40).Select(i => Some.Understood(Some.Message($"hi {i}", conversationId: $"c{i}"), "greet")).ToList();
        await Task.WhenAll(verdicts.Select(verdict => host.Harness.Bus.Publish(verdict)));

        var store = host.Get<IConversationStore>();
        await Eventually.TrueAsync(() => verdicts.All(v => store.GetConversationAsync(Some.BotId, v.Message.ConversationId).Result.Count == 1));
        Assert.InRange(counting!.Writes, 1, 39);
        Assert.Equal(40, counting.Turns);
    }

    [Fact]
    public async Task A_batch_the_store_keeps_refusing_is_retried_then_faulted_message_by_message()
    {
        await using var host = new PipelineTestHost(
            new Dictionary<string, string?> { ["Records:RetryIntervalsMilliseconds:0"] = "10", ["Records:RetryIntervalsMilliseconds:1"] = "10" },
            services => services.AddSingleton<IConversationStore, RefusingConversationStore>());
        await host.StartAsync();

        var verdicts = Enumerable.Range(0, 3).Select(i => Some.Understood(Some.Message($"hi {i}", conversationId: $"c{i}"), "greet")).ToList();
        await Task.WhenAll(verdicts.Select(verdict => host.Harness.Bus.Publish(verdict)));

        var faulted = await Eventually.AtLeastAsync(3, () => host.Harness.Published.Select<Fault<MessageUnderstood>>()
            .Where(f => f.Context.Message.Exceptions.Any(e => e.Message.Contains("store refused"))));
        Assert.Equal(verdicts.Select(v => v.Message.MessageId).Order(),
            faulted.Select(f => f.Context.Message.Message.Message.MessageId).Distinct().Order());
        Assert.True(RefusingConversationStore.Attempts >= 3);
    }

    private sealed class CountingConversationStore(IConversationStore inner) : IConversationStore
    {
        private int _writes;
        private int _turns;

        public int Writes => _writes;

        public int Turns => _turns;

        public async Task<IReadOnlyList<ConversationTurn>> AppendAllAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _writes);
            var stored = await inner.AppendAllAsync(turns, cancellationToken);
            Interlocked.Add(ref _turns, stored.Count);
            return stored;
        }

        public Task<IReadOnlyList<ConversationTurn>> GetConversationAsync(string botId, string conversationId, CancellationToken cancellationToken = default) =>
            inner.GetConversationAsync(botId, conversationId, cancellationToken);

        public IAsyncEnumerable<ConversationTurn> ReadTurnsAsync(string botId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            inner.ReadTurnsAsync(botId, from, to, cancellationToken);

        public Task<long> DeleteTurnsAsync(string botId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            inner.DeleteTurnsAsync(botId, from, to, cancellationToken);

        public Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync(string botId, int limit, CancellationToken cancellationToken = default) =>
            inner.ListConversationsAsync(botId, limit, cancellationToken);
    }

    private sealed class RefusingConversationStore : IConversationStore
    {
        private static int _attempts;

        public static int Attempts => _attempts;

        public Task<IReadOnlyList<ConversationTurn>> AppendAllAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _attempts);
            throw new InvalidOperationException("store refused");
        }

        public Task<IReadOnlyList<ConversationTurn>> GetConversationAsync(string botId, string conversationId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ConversationTurn>>([]);

        public IAsyncEnumerable<ConversationTurn> ReadTurnsAsync(string botId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            AsyncEnumerable.Empty<ConversationTurn>();

        public Task<long> DeleteTurnsAsync(string botId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            Task.FromResult(0L);

        public Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync(string botId, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ConversationSummary>>([]);
    }
}
