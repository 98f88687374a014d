using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// Applies the ordered SQL migrations shipped for the current provider (embedded resources
/// <c>migrations/{sqlite|postgres}/NNNN_name.sql</c>). Each migration runs in its own transaction that
/// first takes a database-wide lock (PostgreSQL advisory lock, SQLite write lock), then re-reads the
/// history, so several instances starting together apply each migration exactly once. The history keeps a checksum of
/// each applied file: a migration changed after it was applied stops start-up with a message naming it (a change to the
/// schema is a new migration), and rows from before checksums were kept get the current file's.
/// </summary>
/// <remarks>
/// EF's design-time tooling cannot be restored here, so migrations are plain SQL. The schema test proves
/// that migrating from empty yields exactly the schema the EF model would create.
/// </remarks>
public sealed class MigrationRunner(AppDbContext db, ILogger<MigrationRunner> logger)
{
    private const string HistoryTable = "__dangjian_migrations";
    private const long PostgresLockKey = 0x44616E676A69616E; // "Dangjian"

    public sealed record Migration(string Id, string Sql)
    {
        /// <summary>SHA-256 of the file with its line endings made Unix (a checkout with CRLF is the same migration).</summary>
        public string Checksum { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));
    }

    /// <summary>An applied migration whose file has changed since: start-up stops.</summary>
    public sealed class ChangedMigrationException(string message) : InvalidOperationException(message);

    /// <summary>The files shipped in the assembly, read and hashed once per provider (start-up reads them twice).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseProvider, IReadOnlyList<Migration>> Shipped = new();

    public static IReadOnlyList<Migration> Available(DatabaseProvider provider) => Shipped.GetOrAdd(provider, ReadShipped);

    private static IReadOnlyList<Migration> ReadShipped(DatabaseProvider provider)
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
            await CheckAppliedAsync(connection, ct);
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

    /// <summary>
    /// Compares each applied migration's recorded checksum with its file: a difference refuses to go on; a row without a
    /// checksum (applied by a version that kept none) gets the file's.
    /// </summary>
    private async Task CheckAppliedAsync(DbConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        if (Provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({PostgresLockKey});", ct);
        }

        await EnsureHistoryTableAsync(connection, tx, ct);
        var recorded = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = $"SELECT id, checksum FROM {HistoryTable}";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                recorded[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        var changed = new List<string>();
        foreach (var migration in Available(Provider).Where(m => recorded.ContainsKey(m.Id)))
        {
            switch (recorded[migration.Id])
            {
                case null:
                    await using (var fill = connection.CreateCommand())
                    {
                        fill.Transaction = tx;
                        fill.CommandText = $"UPDATE {HistoryTable} SET checksum = @sum WHERE id = @id";
                        AddParameter(fill, "@sum", migration.Checksum);
                        AddParameter(fill, "@id", migration.Id);
                        await fill.ExecuteNonQueryAsync(ct);
                    }

                    break;
                case var sum when !string.Equals(sum, migration.Checksum, StringComparison.Ordinal):
                    changed.Add(migration.Id);
                    break;
            }
        }

        if (changed.Count > 0)
        {
            await tx.RollbackAsync(ct);
            throw new ChangedMigrationException(
                $"已应用到本数据库的迁移 {string.Join("、", changed)} 在应用之后被修改过，启动已停止。已应用的迁移不能再改："
                + "请恢复这些文件的原样，把新的改动写成新的迁移（Migrations/sqlite 与 Migrations/postgres 下各一个编号更大的文件）。");
        }

        await tx.CommitAsync(ct);
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
            insert.CommandText = $"INSERT INTO {HistoryTable} (id, applied_at, checksum) VALUES (@id, @at, @sum)";
            AddParameter(insert, "@id", migration.Id);
            AddParameter(insert, "@at", DateTime.UtcNow.ToString("O"));
            AddParameter(insert, "@sum", migration.Checksum);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    private async Task EnsureHistoryTableAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        await ExecuteAsync(connection, tx, $"CREATE TABLE IF NOT EXISTS {HistoryTable} (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL, checksum varchar(64) NULL);", ct);
        // A history table made before checksums were kept gains the column.
        if (Provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, tx, $"ALTER TABLE {HistoryTable} ADD COLUMN IF NOT EXISTS checksum varchar(64) NULL;", ct);
            return;
        }

        await using var probe = connection.CreateCommand();
        probe.Transaction = tx;
        probe.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{HistoryTable}') WHERE name = 'checksum'";
        if (Convert.ToInt64(await probe.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            await ExecuteAsync(connection, tx, $"ALTER TABLE {HistoryTable} ADD COLUMN checksum varchar(64) NULL;", ct);
        }
    }

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
