using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dangjian.Tests.Platform.Data;

public sealed class MigrationTests
{
    [DbFact]
    public async Task MigratedSchemaEqualsWhatTheModelCreates()
    {
        using var migratedDb = new TestDatabase();
        using var modelDb = new TestDatabase();
        await using var migrated = migratedDb.CreateContext();
        await using var model = modelDb.CreateContext();

        await new MigrationRunner(migrated, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await model.Database.EnsureCreatedAsync();

        var fromMigrations = await SchemaInspector.DescribeAsync(migrated);
        var fromModel = await SchemaInspector.DescribeAsync(model);

        fromMigrations.ShouldNotBeEmpty();
        var missing = fromModel.Except(fromMigrations, StringComparer.Ordinal).ToList();
        var extra = fromMigrations.Except(fromModel, StringComparer.Ordinal).ToList();
        missing.ShouldBeEmpty($"The model has schema the migrations do not create. Write a migration (see README, 'Adding a migration'):\n{string.Join("\n", missing)}");
        extra.ShouldBeEmpty($"The migrations create schema the model does not have:\n{string.Join("\n", extra)}");
    }

    [DbFact]
    public async Task SchemaComparisonNoticesADroppedIndex()
    {
        using var a = new TestDatabase();
        using var b = new TestDatabase();
        await using var first = a.CreateContext();
        await using var second = b.CreateContext();
        await new MigrationRunner(first, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await new MigrationRunner(second, NullLogger<MigrationRunner>.Instance).MigrateAsync();

        await second.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_OrgUnits_Path\"");

        var left = await SchemaInspector.DescribeAsync(first);
        var right = await SchemaInspector.DescribeAsync(second);
        left.Except(right, StringComparer.Ordinal).ShouldContain(line => line.Contains("IX_OrgUnits_Path", StringComparison.Ordinal));
    }

    /// <summary>
    /// The history keeps each applied file's checksum: a migration edited after it was applied stops start-up naming it;
    /// rows from before checksums were kept (even a history table without the column) get the file's.
    /// </summary>
    [DbFact]
    public async Task AnAppliedMigrationChangedAfterwardsStopsStartUpAndOlderHistoriesGetTheirChecksums()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateContext();
        var runner = new MigrationRunner(db, NullLogger<MigrationRunner>.Instance);
        await runner.MigrateAsync();
        var files = MigrationRunner.Available(database.Provider).ToDictionary(m => m.Id, m => m.Checksum);
        (await ChecksumsAsync(db)).ShouldBe(files, ignoreOrder: true);

        await db.Database.ExecuteSqlRawAsync("ALTER TABLE __dangjian_migrations DROP COLUMN checksum");
        (await runner.MigrateAsync()).ShouldBeEmpty();
        (await ChecksumsAsync(db)).ShouldBe(files, ignoreOrder: true);

        var edited = files.Keys.Order(StringComparer.Ordinal).ElementAt(8);
        await db.Database.ExecuteSqlRawAsync("UPDATE __dangjian_migrations SET checksum = {0} WHERE id = {1}", new string('0', 64), edited);
        var refusal = await Should.ThrowAsync<MigrationRunner.ChangedMigrationException>(() => runner.MigrateAsync());
        refusal.Message.ShouldContain(edited);
        refusal.Message.ShouldContain("启动已停止");
        (await ChecksumsAsync(db))[edited].ShouldBe(new string('0', 64), "a refused start changes nothing");
    }

    private static async Task<Dictionary<string, string>> ChecksumsAsync(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, checksum FROM __dangjian_migrations";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadAsync())
            {
                rows[reader.GetString(0)] = reader.IsDBNull(1) ? "(null)" : reader.GetString(1);
            }

            return rows;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    [DbFact]
    public async Task MigratingTwiceAppliesEachMigrationOnce()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateContext();
        var runner = new MigrationRunner(db, NullLogger<MigrationRunner>.Instance);

        var first = await runner.MigrateAsync();
        var second = await runner.MigrateAsync();

        first.ShouldBe(MigrationRunner.Available(database.Provider).Select(m => m.Id).ToList());
        second.ShouldBeEmpty();
        (await runner.AppliedAsync()).ShouldBe(first);
    }

    [DbFact]
    public async Task InstancesStartingTogetherApplyEachMigrationExactlyOnce()
    {
        using var database = new TestDatabase();
        var runners = Enumerable.Range(0, 4).Select(_ => database.CreateContext()).ToList();
        try
        {
            var results = await Task.WhenAll(runners.Select(db => new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).MigrateAsync()));

            results.SelectMany(r => r).Count().ShouldBe(MigrationRunner.Available(database.Provider).Count);
        }
        finally
        {
            foreach (var db in runners)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Fact]
    public void BothProvidersShipTheSameMigrations()
    {
        var sqlite = MigrationRunner.Available(DatabaseProvider.Sqlite).Select(m => m.Id);
        var postgres = MigrationRunner.Available(DatabaseProvider.Postgres).Select(m => m.Id);

        sqlite.ShouldNotBeEmpty();
        sqlite.ShouldBe(postgres);
    }
}
