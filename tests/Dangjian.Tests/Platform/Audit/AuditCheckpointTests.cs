using System.Text.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Platform.Audit;

/// <summary>
/// Deleting the newest audit entries leaves a valid, shorter chain; the signed checkpoint outside the database is what
/// notices it. Each class has its own application, because these tests leave the log truncated on purpose.
/// </summary>
public sealed class AuditTruncationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task DeletingTheNewestEntriesIsReportedWithTheLastSequenceKnownToExist()
    {
        var auditor = await app.AdminClientAsync(Roles.AuditAdmin);
        var checkpoints = app.Services.GetRequiredService<AuditCheckpoints>();
        var checkpoint = (await checkpoints.WriteAsync())!;
        var last = checkpoint.Sequence;
        (await app.WithDbAsync(db => checkpoints.VerifyAsync(db))).Intact.ShouldBeTrue("the untouched log verifies against its checkpoint");

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {0}", last - 5));
        var command = await CommandLineProcess.RunAsync(app.Database, "Production", null, app.KeysFolder, "audit", "verify");
        var page = await (await auditor.PostFormAsync("/Audit/Verify", new Dictionary<string, string>())).ParseAsync();

        command.ExitCode.ShouldBe(1, command.Output + command.Error);
        command.Output.ShouldContain("审计日志末尾的记录被删除");
        command.Output.ShouldContain($"第{last}条记录曾经存在");
        var result = page.QuerySelector("[data-testid=result]")!.TextContent;
        result.ShouldContain("发现断点");
        result.ShouldContain($"第{last}条记录曾经存在");
        page.QuerySelector("[data-testid=last-known]")!.TextContent.ShouldContain($"第{last}条");
    }
}

public sealed class AuditEmptiedTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task DeletingEveryEntryIsReportedAsEmptiedNotAsAnEmptyLog()
    {
        var auditor = await app.AdminClientAsync(Roles.AuditAdmin);
        var last = (await app.Services.GetRequiredService<AuditCheckpoints>().WriteAsync())!.Sequence;

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        var page = await (await auditor.PostFormAsync("/Audit/Verify", new Dictionary<string, string>())).ParseAsync();
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        var command = await CommandLineProcess.RunAsync(app.Database, "Production", null, app.KeysFolder, "audit", "verify");

        var result = page.QuerySelector("[data-testid=result]")!.TextContent;
        result.ShouldContain("发现断点");
        result.ShouldContain("审计日志已被清空");
        result.ShouldContain($"至少到第{last}条");
        result.ShouldNotContain("审计日志为空");
        command.ExitCode.ShouldBe(1, command.Output + command.Error);
        command.Output.ShouldContain("审计日志已被清空");
        command.Output.ShouldContain($"至少到第{last}条");
    }
}

/// <summary>A fixture without the periodic checkpoint writer: these tests write and forge checkpoints themselves, and a write in between would overwrite what they check.</summary>
public sealed class ManualCheckpointAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Audit:CheckpointSeconds"] = "0" };
}

public sealed class AuditCheckpointRulesTests(ManualCheckpointAppFactory app) : IClassFixture<ManualCheckpointAppFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [DbFact]
    public async Task TheCheckpointNeverMovesOnPastATruncationThatNewEntriesHaveCoveredUp()
    {
        var checkpoints = app.Services.GetRequiredService<AuditCheckpoints>();
        var last = (await checkpoints.WriteAsync())!.Sequence;

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {0}", last - 3));
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 6; i++)
            {
                db.Audit(AuditActions.Export, "AuditLog", null, $"删除后写入的记录{i}");
                await db.SaveChangesAsync();
            }

            return 0;
        });
        var kept = await checkpoints.WriteAsync();
        var result = await app.WithDbAsync(db => checkpoints.VerifyAsync(db));

        kept!.Sequence.ShouldBe(last, "a checkpoint that the log no longer continues is kept as evidence");
        result.Intact.ShouldBeFalse(result.Message);
        result.BrokenAt.ShouldBe(last);
        result.LastKnown.ShouldBe(last);
        result.Message.ShouldContain("签名检查点不符");
    }

    [DbFact]
    public async Task ACheckpointNotSignedWithTheChainKeyIsIgnoredAndSaidSo()
    {
        var checkpoints = app.Services.GetRequiredService<AuditCheckpoints>();
        var forged = AuditCheckpoint.Create(1_000_000, AuditChain.Genesis, DateTime.UtcNow, new byte[32]);
        await File.WriteAllTextAsync(checkpoints.FilePath, JsonSerializer.Serialize(forged, Web));

        var read = await checkpoints.ReadAsync();

        read.Checkpoint.ShouldBeNull();
        read.Rejected.ShouldBeTrue();
        var result = await app.WithDbAsync(db => checkpoints.VerifyAsync(db));
        result.Message.ShouldContain("签名无效");
        result.Message.ShouldNotContain("1000000");
    }
}

public sealed class AuditRestoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task RestoringAnOlderBackupReanchorsTheCheckpointSoTheRestoredLogVerifies()
    {
        var checkpoints = app.Services.GetRequiredService<AuditCheckpoints>();
        var file = Path.Combine(Path.GetTempPath(), $"dangjian-backup-{Guid.NewGuid():N}.{(app.Database.Provider == DatabaseProvider.Postgres ? "dump" : "db")}");
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Backups>().BackupAsync(file);
            }

            var backedUp = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));
            await app.AddCampaignAsync("备份之后新建的活动");
            var later = (await checkpoints.WriteAsync())!.Sequence;
            later.ShouldBeGreaterThan(backedUp);

            var restore = await CommandLineProcess.RunAsync(app.Database, "Production", null, app.KeysFolder, "restore", file, "--confirm");
            var verify = await CommandLineProcess.RunAsync(app.Database, "Production", null, app.KeysFolder, "audit", "verify");

            restore.ExitCode.ShouldBe(0, restore.Error);
            restore.Output.ShouldContain($"审计检查点已重置为第{backedUp}条（恢复前为第{later}条）");
            verify.ExitCode.ShouldBe(0, verify.Output + verify.Error);
            verify.Output.ShouldContain("链条完整");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
