using ChatbotPipeline.Backends.Documents;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends.Tests.Documents;

/// <summary>A SQLite database in a temp folder, one per test.</summary>
public sealed class SqliteFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public SqliteFixture() => Database = Open();

    public SqliteDatabase Database { get; }

    /// <summary>A second handle on the same file, as a restarted process would open it.</summary>
    public SqliteDatabase Open() =>
        new(Options.Create(new DocumentsOptions { Sqlite = new SqliteDocumentsOptions { Path = _folder.File("nested/chatbot.db") } }));

    public void Dispose() => _folder.Dispose();
}

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly SqliteFixture _sqlite = new();

    [Fact]
    public async Task Every_connection_has_the_pragmas_whether_new_or_from_the_pool()
    {
        for (var open = 0; open < 3; open++)
        {
            await using var connection = await _sqlite.Database.OpenAsync(TestContext.Current.CancellationToken);
            Assert.Equal((1L, 10_000L, 1L), (await PragmaAsync(connection, "foreign_keys"), await PragmaAsync(connection, "busy_timeout"),
                await PragmaAsync(connection, "synchronous")));
            if (open == 1)
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the next open is a new connection
        }
    }

    private static async Task<long> PragmaAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _sqlite.Dispose();
}

public sealed class SqliteBotStoreTests : BotStoreContract, IDisposable
{
    private readonly SqliteFixture _sqlite = new();

    protected override IBotStore Store => new SqliteBotStore(_sqlite.Database);

    [Fact]
    public async Task Bots_survive_a_restart()
    {
        await Store.CreateBotAsync(new Nlu.Definitions.Bot("kept", "Kept"));

        Assert.NotNull(await new SqliteBotStore(_sqlite.Open()).GetBotAsync("kept"));
    }

    public void Dispose() => _sqlite.Dispose();
}

public sealed class SqliteConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly SqliteFixture _sqlite = new();

    protected override IConversationStore Store => new SqliteConversationStore(_sqlite.Database);

    [Fact]
    public async Task Turns_survive_a_restart()
    {
        await Store.AppendAsync(Turn("m1"));

        Assert.Single(await new SqliteConversationStore(_sqlite.Open()).GetConversationAsync("bot", "c1"));
    }

    public void Dispose() => _sqlite.Dispose();
}

public sealed class SqliteAnalyticsStoreTests : AnalyticsStoreContract, IDisposable
{
    private readonly SqliteFixture _sqlite = new();

    protected override IAnalyticsStore Store => new SqliteAnalyticsStore(_sqlite.Database);

    public void Dispose() => _sqlite.Dispose();
}
