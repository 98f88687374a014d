using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dangjian.Tests.Infrastructure;

/// <summary>A fresh, empty database on the configured provider, dropped on dispose.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? sqliteFolder;

    public TestDatabase()
        : this("dj_test_")
    {
    }

    /// <param name="prefix">The start of a PostgreSQL database's name (the seeded template's differs, see <see cref="SeededTemplate"/>).</param>
    /// <param name="pooled">Whether connections are pooled, as in production (the seeded template's are not).</param>
    public TestDatabase(string prefix, bool pooled = true)
    {
        if (TestEnvironment.UsePostgres)
        {
            Provider = DatabaseProvider.Postgres;
            Name = prefix + Guid.NewGuid().ToString("N")[..16];
            using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnection))
            {
                admin.Open();
                using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{Name}\"";
                create.ExecuteNonQuery();
            }

            // Pooled, as in production: without a pool every query paid for a new server process and a SCRAM handshake.
            // Dispose clears the pools and drops the database WITH (FORCE), so no idle connection outlives it.
            ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnection) { Database = Name, Pooling = pooled }.ToString();
        }
        else
        {
            Provider = DatabaseProvider.Sqlite;
            sqliteFolder = Path.Combine(Path.GetTempPath(), "dangjian-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(sqliteFolder);
            Name = Path.Combine(sqliteFolder, "test.db");
            ConnectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Name, Pooling = pooled }.ToString();
        }
    }

    public DatabaseProvider Provider { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    public AppDbContext CreateContext(TimeProvider? clock = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataSetup.Configure(options, Provider, ConnectionString, strict: true);
        return new AppDbContext(options.Options, clock);
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnection);
            admin.Open();
            using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
        else if (sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the OS temp cleaner; the test result does not depend on it.
            }
        }
    }
}
