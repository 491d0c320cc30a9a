using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace ChatbotPipeline.Backends.Documents;

/// <summary>
/// Opens connections to the SQLite document file and creates its schema on first use. SQLite takes one writer at a
/// time; writers in this process queue on <see cref="WriteAsync"/> without blocking a thread, and a writer from
/// another process is waited for inside SQLite (<c>busy_timeout</c>) rather than by the provider's 150 ms sleep-and-retry
/// loop, which held thread-pool threads and put 150 ms steps into the latency under load. Writers share one connection
/// kept open: since they take turns anyway, opening one (and setting its pragmas) per write only cost a statement more.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();
    private static readonly object PragmasSet = new();
    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteConnection? _writeConnection;

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

    /// <summary>Runs <paramref name="write"/> on an open connection as this process's only writer at that moment.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            _writeConnection ??= await OpenRawAsync(cancellationToken);
            try
            {
                return await write(_writeConnection);
            }
            catch
            {
                // A failed or cancelled write may leave the connection in a state no one should inherit: the next
                // writer starts on a fresh one.
                await _writeConnection.DisposeAsync();
                _writeConnection = null;
                throw;
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction on the writers' connection: a batch of rows costs one commit,
    /// and either all of them are stored or none.
    /// </summary>
    public Task<T> WriteInTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        WriteAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writer.WaitAsync();
        try
        {
            if (_writeConnection is not null)
                await _writeConnection.DisposeAsync();
            _writeConnection = null;
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // Pragmas belong to the connection SQLite opened, which the pool hands out again on every open: set them on its
        // first, not on each (a statement more per short read — two per message on the message path).
        if (!Configured.TryGetValue(connection.Handle!, out _))
        {
            await using var pragma = connection.CreateCommand();
            // WAL lets the API read while consumers write; NORMAL sync is durable across process crashes in WAL mode.
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            Configured.AddOrUpdate(connection.Handle!, PragmasSet);
        }
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
