using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends.Documents;

/// <summary>Opens connections to the SQLite document file and creates its schema on first use.</summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;

    public SqliteDatabase(IOptions<DocumentsOptions> options)
    {
        var path = Path.GetFullPath(options.Value.Sqlite.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _schema = new Lazy<Task>(CreateSchemaAsync);
    }

    /// <summary>An open connection; callers dispose it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL lets the API read while consumers write; NORMAL sync is durable across process crashes in WAL mode.
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.Script;
        await command.ExecuteNonQueryAsync();
    }
}
