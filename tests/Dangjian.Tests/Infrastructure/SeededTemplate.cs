using Dangjian.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// The demo bureau, migrated and seeded once per test run and database kind by the real start-up; every
/// <see cref="AppFactory"/> that wants the demo data starts from a copy of it (SQLite: a copy of the file; PostgreSQL:
/// <c>CREATE DATABASE … TEMPLATE</c>) together with the template's key ring, audit checkpoint and stored files, instead
/// of replaying the whole seed (≈10 s a test class, against well under one for the copy).
/// </summary>
public static class SeededTemplate
{
    private static readonly Lazy<Source> Template = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>PostgreSQL refuses to copy a template while another copy of it is being made.</summary>
    private static readonly Lock PostgresCopies = new();

    /// <summary>Fills the empty <paramref name="target"/> and the two folders with the seeded demo bureau.</summary>
    public static void CopyInto(TestDatabase target, string keysFolder, string filesFolder)
    {
        ArgumentNullException.ThrowIfNull(target);
        var source = Template.Value;
        CopyFolder(source.KeysFolder, keysFolder);
        CopyFolder(source.FilesFolder, filesFolder);
        if (target.Provider == DatabaseProvider.Postgres)
        {
            lock (PostgresCopies)
            {
                using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnection);
                admin.Open();
                // PostgreSQL copies a template only while nobody is connected to it: a background job of the seeding app
                // that outlived its host could still hold a connection (measured: "source database … is being accessed
                // by other users"), so such stragglers are ended first. One statement per command: DROP and CREATE
                // DATABASE refuse to run inside a batch.
                foreach (var sql in new[]
                {
                    $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{source.Database.Name}' AND pid <> pg_backend_pid()",
                    $"DROP DATABASE IF EXISTS \"{target.Name}\"",
                    $"CREATE DATABASE \"{target.Name}\" TEMPLATE \"{source.Database.Name}\"",
                })
                {
                    using var copy = admin.CreateCommand();
                    copy.CommandText = sql;
                    copy.ExecuteNonQuery();
                }
            }
        }
        else
        {
            File.Copy(source.Database.Name, target.Name, overwrite: true);
        }
    }

    private static Source Build()
    {
        DropStaleTemplates();
        // Unpooled: a pooled connection left open by the seeding app would keep PostgreSQL from copying the template.
        var database = new TestDatabase(TemplatePrefix + DateTime.UtcNow.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture) + "_", pooled: false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.Dispose();
        string keys, files;
        using (var seeder = new Seeder(database))
        {
            _ = seeder.Services; // starts the app: migrations, then the demo seed
            (keys, files) = (seeder.KeysFolder, seeder.FilesFolder);
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // One self-contained file: the write-ahead log folded back in (each copy's app turns WAL on again).
            using var connection = new SqliteConnection(database.ConnectionString);
            connection.Open();
            using var journal = connection.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            journal.ExecuteNonQuery();
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }

        return new Source(database, keys, files);
    }

    private const string TemplatePrefix = "dj_tpl_";

    /// <summary>
    /// A test process that was killed leaves its PostgreSQL template behind: templates made more than six hours ago
    /// (their name carries the time) belong to no run still going, and are dropped.
    /// </summary>
    private static void DropStaleTemplates()
    {
        if (!TestEnvironment.UsePostgres)
        {
            return;
        }

        using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnection);
        admin.Open();
        var stale = new List<string>();
        using (var list = admin.CreateCommand())
        {
            list.CommandText = $"SELECT datname FROM pg_database WHERE datname LIKE '{TemplatePrefix}%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (DateTime.TryParseExact(name.AsSpan(TemplatePrefix.Length, 12), "yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var made)
                    && made < DateTime.UtcNow.AddHours(-6))
                {
                    stale.Add(name);
                }
            }
        }

        foreach (var name in stale)
        {
            using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private sealed record Source(TestDatabase Database, string KeysFolder, string FilesFolder);

    /// <summary>The one app that seeds: on the template's database, which it does not own.</summary>
    private sealed class Seeder(TestDatabase database) : AppFactory(database, fromTemplate: false);
}
