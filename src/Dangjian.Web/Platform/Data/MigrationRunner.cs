using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// Applies the ordered SQL migrations shipped for the current provider (embedded resources
/// <c>migrations/{sqlite|postgres}/NNNN_name.sql</c>). Each migration runs in its own transaction that
/// first takes a database-wide lock (PostgreSQL advisory lock, SQLite write lock), then re-reads the
/// history, so several instances starting together apply each migration exactly once.
/// </summary>
/// <remarks>
/// EF's design-time tooling cannot be restored here, so migrations are plain SQL. The schema test proves
/// that migrating from empty yields exactly the schema the EF model would create.
/// </remarks>
public sealed class MigrationRunner(AppDbContext db, ILogger<MigrationRunner> logger)
{
    private const string HistoryTable = "__dangjian_migrations";
    private const long PostgresLockKey = 0x44616E676A69616E; // "Dangjian"

    public sealed record Migration(string Id, string Sql);

    public static IReadOnlyList<Migration> Available(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"migrations/{ProviderFolder(provider)}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Migration(Path.GetFileNameWithoutExtension(n[prefix.Length..]), Read(assembly, n)))
            .ToList();
    }

    public static string ProviderFolder(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";

    public DatabaseProvider Provider => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>Applies what is pending; returns the ids applied by this call.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var applied = new List<string>();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            foreach (var migration in Available(Provider))
            {
                if (await ApplyOneAsync(connection, migration, ct))
                {
                    applied.Add(migration.Id);
                    logger.LogInformation("Applied migration {Migration}", migration.Id);
                }
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return applied;
    }

    /// <summary>The ids already recorded in the history table (empty when there is none).</summary>
    public async Task<IReadOnlyList<string>> AppliedAsync(CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await EnsureHistoryTableAsync(connection, tx, ct);
            var ids = await ReadAppliedAsync(connection, tx, ct);
            await tx.CommitAsync(ct);
            return ids.Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private async Task<bool> ApplyOneAsync(DbConnection connection, Migration migration, CancellationToken ct)
    {
        // Read committed, so that after waiting for the lock the history read sees what the lock holder
        // committed (a serializable snapshot would be taken before the wait). On SQLite this is
        // BEGIN IMMEDIATE, which takes the write lock up front.
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        if (Provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({PostgresLockKey});", ct);
        }

        await EnsureHistoryTableAsync(connection, tx, ct);
        var done = await ReadAppliedAsync(connection, tx, ct);
        if (done.Contains(migration.Id))
        {
            await tx.CommitAsync(ct);
            return false;
        }

        await ExecuteAsync(connection, tx, migration.Sql, ct);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO {HistoryTable} (id, applied_at) VALUES (@id, @at)";
            AddParameter(insert, "@id", migration.Id);
            AddParameter(insert, "@at", DateTime.UtcNow.ToString("O"));
            await insert.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    private static Task EnsureHistoryTableAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        ExecuteAsync(connection, tx, $"CREATE TABLE IF NOT EXISTS {HistoryTable} (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL);", ct);

    private static async Task<HashSet<string>> ReadAppliedAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT id FROM {HistoryTable}";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
