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
