using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Exports;
using ChatbotPipeline.Backends.Objects;
using ChatbotPipeline.Backends.Tests.Documents;
using ChatbotPipeline.Nlu.Definitions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatbotPipeline.Backends.Tests.Exports;

/// <summary>Turns past their bot's retention go, but only those a completed export holds.</summary>
public sealed class ConversationRetentionTests : IDisposable
{
    private readonly SqliteFixture _sqlite = new();
    private readonly TempFolder _objects = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly SqliteBotStore _bots;
    private readonly SqliteConversationStore _turns;
    private readonly FileSystemObjectStore _store;

    public ConversationRetentionTests()
    {
        _bots = new SqliteBotStore(_sqlite.Database);
        _turns = new SqliteConversationStore(_sqlite.Database);
        _store = new FileSystemObjectStore(Options.Create(new ObjectsOptions { FileSystem = new FileSystemObjectsOptions { Path = _objects.Path } }));
    }

    private DateTimeOffset DaysAgo(int days) => _time.GetUtcNow().AddDays(-days);

    private Task AppendAsync(string id, int daysAgo, string botId = "shop") =>
        _turns.AppendAsync(ConversationStoreContract.Turn(id, botId: botId) with { ReceivedAt = DaysAgo(daysAgo) });

    private Task<long> PurgeAsync() =>
        new ConversationRetention(_bots, _turns, new ExportRecords(_store), _time, NullLogger<ConversationRetention>.Instance).PurgeAsync(CancellationToken.None);

    private async Task<List<string>> KeptAsync(string botId = "shop")
    {
        var kept = new List<string>();
        await foreach (var turn in _turns.ReadTurnsAsync(botId, DaysAgo(1000), DaysAgo(0)))
            kept.Add(turn.MessageId);
        return kept;
    }

    private Task ExportedAsync(string botId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset createdAt, ExportState state = ExportState.Completed)
    {
        var id = Guid.NewGuid().ToString("N");
        var manifest = new ExportManifest(id, botId, from, to, "ndjson", 0, 0, "", ExportRecords.DataKey(id), createdAt);
        return new ExportRecords(_store).SaveAsync(new ExportStatus(id, botId, from, to, "ndjson", state, createdAt,
            state == ExportState.Completed ? manifest : null), CancellationToken.None);
    }

    [Fact]
    public async Task Old_turns_are_removed_only_where_a_completed_export_holds_them()
    {
        await _bots.CreateBotAsync(new Bot("shop", "Shop", RetentionDays: 30));
        await _bots.CreateBotAsync(new Bot("forever", "Forever"));
        await AppendAsync("60-days", 60);
        await AppendAsync("40-days", 40);
        await AppendAsync("33-days-not-exported", 33);
        await AppendAsync("10-days", 10);
        await AppendAsync("60-days-other-bot", 60, botId: "forever");

        Assert.Equal(0, await PurgeAsync());

        await ExportedAsync("shop", DaysAgo(90), DaysAgo(35), createdAt: DaysAgo(34));
        await ExportedAsync("shop", DaysAgo(35), DaysAgo(0), createdAt: DaysAgo(0), state: ExportState.Failed);
        await ExportedAsync("forever", DaysAgo(90), DaysAgo(0), createdAt: DaysAgo(0));

        Assert.Equal(2, await PurgeAsync());
        Assert.Equal(["33-days-not-exported", "10-days"], await KeptAsync());
        Assert.Equal(["60-days-other-bot"], await KeptAsync("forever"));
    }

    [Fact]
    public async Task An_export_vouches_only_for_turns_received_an_hour_before_it_ran()
    {
        await _bots.CreateBotAsync(new Bot("shop", "Shop", RetentionDays: 1));
        await AppendAsync("40-days", 40);
        await _turns.AppendAsync(ConversationStoreContract.Turn("just-before-the-export", botId: "shop") with { ReceivedAt = DaysAgo(20).AddMinutes(-5) });

        await ExportedAsync("shop", DaysAgo(90), DaysAgo(20), createdAt: DaysAgo(20));

        Assert.Equal(1, await PurgeAsync());
        Assert.Equal(["just-before-the-export"], await KeptAsync());
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        _objects.Dispose();
    }
}
