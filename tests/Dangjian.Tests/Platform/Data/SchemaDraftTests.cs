using System.Text.RegularExpressions;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Data;

namespace Dangjian.Tests.Platform.Data;

/// <summary>
/// <c>schema next NAME</c> drafts the next migration from the model's difference with the migrations, in each provider's
/// SQL, so a new field costs the model, its configuration and two reviewed files.
/// </summary>
public sealed class SchemaDraftTests
{
    private static readonly DatabaseProvider[] Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Fact]
    public void TheModelAndTheMigrationsAgreeSoThereIsNothingToDraft()
    {
        var migrated = SchemaDraft.Migrated();
        migrated.Tables.ShouldContain("AspNetUsers");
        migrated.Columns.ShouldContain("AspNetUsers.FirstRunGuideHiddenAt");
        foreach (var provider in Providers)
        {
            SchemaDraft.Draft(SchemaScript.Create(provider), migrated, provider).ShouldBeEmpty($"{provider}");
        }
    }

    [Fact]
    public void ATableAColumnAndAnIndexTheMigrationsLackAreDraftedInEachProvidersSql()
    {
        var script = SchemaScript.Create(DatabaseProvider.Sqlite);
        var index = Regex.Match(script, "CREATE INDEX \"(?<name>IX_AuditEntries_[^\"]+)\"").Groups["name"].Value;
        index.ShouldNotBeEmpty();
        var full = SchemaDraft.Migrated();
        var lacking = new SchemaDraft.Schema(
            full.Tables.Where(t => t != "AppSecrets").ToHashSet(),
            full.Columns.Where(c => c != "AspNetUsers.FirstRunGuideHiddenAt" && !c.StartsWith("AppSecrets.", StringComparison.Ordinal)).ToHashSet(),
            full.Indexes.Where(i => i != index).ToHashSet());

        var sqlite = SchemaDraft.Draft(script, lacking, DatabaseProvider.Sqlite);
        sqlite.ShouldContain("ALTER TABLE \"AspNetUsers\" ADD COLUMN \"FirstRunGuideHiddenAt\" TEXT NULL;");
        sqlite.ShouldContain("CREATE TABLE \"AppSecrets\" (");
        sqlite.ShouldContain($"CREATE INDEX \"{index}\" ON \"AuditEntries\"");

        var postgres = SchemaDraft.Draft(SchemaScript.Create(DatabaseProvider.Postgres), lacking, DatabaseProvider.Postgres);
        postgres.ShouldContain("ALTER TABLE \"AspNetUsers\" ADD \"FirstRunGuideHiddenAt\" timestamp with time zone;");
        postgres.ShouldContain("CREATE TABLE \"AppSecrets\" (");
        postgres.ShouldContain($"CREATE INDEX \"{index}\" ON \"AuditEntries\"");

        // Nothing else: the rest of the model is already migrated.
        Regex.Count(sqlite, "^(?:CREATE|ALTER)", RegexOptions.Multiline).ShouldBe(3, sqlite);
    }

    [Fact]
    public void ANotNullColumnIsFlaggedAndWhatOnlyTheMigrationsHaveIsNamedNeverDropped()
    {
        var full = SchemaDraft.Migrated();
        var drifted = new SchemaDraft.Schema(
            full.Tables.Append("RetiredTable").ToHashSet(),
            full.Columns.Where(c => c != "AspNetUsers.IsDisabled").Append("AspNetUsers.OldColumn").ToHashSet(),
            full.Indexes);

        var draft = SchemaDraft.Draft(SchemaScript.Create(DatabaseProvider.Sqlite), drifted, DatabaseProvider.Sqlite);

        draft.ShouldContain("-- review: NOT NULL without a DEFAULT fails on a table that has rows\nALTER TABLE \"AspNetUsers\" ADD COLUMN \"IsDisabled\" INTEGER NOT NULL;");
        draft.ShouldContain("-- in the migrations, not in the model: column AspNetUsers.OldColumn");
        draft.ShouldContain("-- in the migrations, not in the model: table \"RetiredTable\"");
        draft.ShouldNotContain("DROP", Case.Insensitive);
    }

    [Fact]
    public void TheNextFileIsNumberedOnePastTheHighestMigration()
    {
        var highest = MigrationRunner.Available(DatabaseProvider.Sqlite).Select(m => int.Parse(m.Id[..4], System.Globalization.CultureInfo.InvariantCulture)).Max();
        SchemaDraft.NextFileName("study_place").ShouldBe($"{highest + 1:D4}_study_place.sql");
    }

    [DbFact]
    public async Task TheVerbRefusesABadNameAndWritesNothingWhenTheModelIsMigrated()
    {
        using var database = new TestDatabase();
        var folder = Directory.CreateTempSubdirectory("schema-next-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "sqlite"));
            Directory.CreateDirectory(Path.Combine(folder, "postgres"));

            var bad = await CommandLineProcess.RunAsync(database, "Development", null, null, "schema", "next", "Bad Name", "--folder", folder);
            bad.ExitCode.ShouldBe(1);
            bad.Error.ShouldContain("请给出迁移名");

            var none = await CommandLineProcess.RunAsync(database, "Development", null, null, "schema", "next", "nothing_new", "--folder", folder);
            none.ExitCode.ShouldBe(0, none.Error);
            none.Output.ShouldContain("不需要新的迁移");
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ShouldBeEmpty();

            var missing = await CommandLineProcess.RunAsync(database, "Development", null, null, "schema", "next", "x", "--folder", Path.Combine(folder, "nowhere"));
            missing.ExitCode.ShouldBe(1);
            missing.Error.ShouldContain("找不到迁移目录");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
