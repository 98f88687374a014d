using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// <c>backup</c> and <c>restore</c>: SQLite through its online backup API (a consistent copy while the app runs),
/// PostgreSQL through its own tools (<c>pg_dump --format=custom</c>, <c>pg_restore --clean --single-transaction</c>).
/// <see cref="FingerprintAsync"/> gives every table's row count and a SHA-256 over its primary keys in order, so a
/// restore can be checked against the backup's source.
/// </summary>
public sealed class Backups(AppDbContext db, ILogger<Backups> logger)
{
    public async Task BackupAsync(string file, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        file = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        if (db.Database.GetDbConnection() is SqliteConnection source)
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                File.Delete(file);
                await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
                await destination.OpenAsync(ct);
                source.BackupDatabase(destination);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", file], ct);
        }

        logger.LogInformation("Backed up the database to {File}", file);
    }

    /// <summary>Replaces the whole database with <paramref name="file"/>'s content (all or nothing).</summary>
    public async Task RestoreAsync(string file, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"备份文件不存在：{file}");
        }

        if (db.Database.GetDbConnection() is SqliteConnection target)
        {
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await source.OpenAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                source.BackupDatabase(target);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", file], ct);
            NpgsqlConnection.ClearAllPools();
        }

        logger.LogInformation("Restored the database from {File}", file);
    }

    /// <summary>Every table of the model: its row count and a SHA-256 over its primary keys in key order.</summary>
    public async Task<SortedDictionary<string, string>> FingerprintAsync(CancellationToken ct = default)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.FindPrimaryKey() is not null && e.BaseType is null && !e.IsOwned()))
            {
                var table = entity.GetTableName()!;
                if (result.ContainsKey(table))
                {
                    continue;
                }

                var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
                var keys = entity.FindPrimaryKey()!.Properties.Select(p => "\"" + p.GetColumnName(store) + "\"").ToList();
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", keys)} FROM \"{table}\" ORDER BY {string.Join(", ", keys)}";
                await using var reader = await command.ExecuteReaderAsync(ct);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                long rows = 0;
                while (await reader.ReadAsync(ct))
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        // Keys compare as text, lower case: SQLite keeps Guids as upper-case text, PostgreSQL as uuid.
                        hash.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!.ToLowerInvariant() + "\u001f"));
                    }
                }

                result[table] = $"{rows} {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    /// <summary>Runs a PostgreSQL client tool against the configured database (connection passed through libpq's environment, never on the command line).</summary>
    private async Task RunAsync(string tool, IReadOnlyList<string> args, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args.Take(args.Count - (tool == "pg_restore" ? 1 : 0)))
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--dbname=" + settings.Database);
        if (tool == "pg_restore")
        {
            start.ArgumentList.Add(args[^1]);
        }

        start.Environment["PGHOST"] = settings.Host ?? "localhost";
        start.Environment["PGPORT"] = settings.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = settings.Username ?? "";
        start.Environment["PGPASSWORD"] = settings.Password ?? "";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} 无法启动");
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} 失败（退出码 {process.ExitCode}）：{(await error).Trim()}");
        }
    }
}
