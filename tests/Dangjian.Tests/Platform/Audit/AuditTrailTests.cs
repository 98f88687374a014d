using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dangjian.Tests.Platform.Audit;

public sealed class AuditTrailTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task SignInsChangesAndFailuresAreAllWrittenWithWhoWhereAndBeforeAfter()
    {
        var client = app.CreateBrowserLikeClient();
        await client.PostLoginAsync("office", "wrong-Passw0rd");
        await client.SignInAsync("office");
        var unit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ-ZCFG").Select(u => new { u.Id, u.Version }).SingleAsync());
        await client.PostFormAsync($"/Organization/EditUnit?id={unit.Id}", new Dictionary<string, string>
        {
            ["Input.Id"] = unit.Id.ToString(), ["Input.Version"] = unit.Version.ToString(), ["Input.Name"] = "政策法规处", ["Input.Code"] = "KJJ-ZCFG", ["Input.Kind"] = "Department", ["Input.SortOrder"] = "10",
        });

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.UserName == "office").OrderBy(e => e.Sequence).ToListAsync());

        entries.ShouldContain(e => e.Action == "security.SignInFailed" && e.Outcome == AuditActions.Failed);
        entries.ShouldContain(e => e.Action == "security.SignInSucceeded" && e.Outcome == AuditActions.Succeeded);
        var update = entries.Single(e => e.Action == "update" && e.ObjectId == unit.Id.ToString());
        update.Before.ShouldNotBeNull();
        update.Before.ShouldContain("\"Name\":\"政策法规科\"");
        update.After.ShouldNotBeNull();
        update.After.ShouldContain("\"Name\":\"政策法规处\"");
        update.ClientAddress.ShouldBe("127.0.0.1");
        update.UserId.ShouldNotBeNull();
    }

    [DbFact]
    public async Task ChainVerifiesAndPointsAtTheFirstAlteredOrRemovedRow()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).MigrateAsync();
            for (var i = 0; i < 5; i++)
            {
                var unit = new OrgUnit { Name = $"单位{i}", Code = $"U{i}" };
                unit.PlaceUnder(null);
                db.OrgUnits.Add(unit);
                await db.SaveChangesAsync();
            }

            (await AuditChain.VerifyAsync(db)).Intact.ShouldBeTrue();
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Summary\" = '篡改' WHERE \"Sequence\" = 3");
            var altered = await AuditChain.VerifyAsync(db);
            altered.Intact.ShouldBeFalse();
            altered.BrokenAt.ShouldBe(3);
            altered.Message.ShouldContain("第3条记录的内容被修改过");
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" IN (2, 3)");
            var removed = await AuditChain.VerifyAsync(db);
            removed.Intact.ShouldBeFalse();
            removed.BrokenAt.ShouldBe(2);
            removed.Message.ShouldContain("第2条记录缺失");
        }
    }

    [DbFact]
    public async Task PurgeKeepsTheRetentionPeriodAndTheChainStillVerifies()
    {
        using var database = new TestDatabase();
        var clock = new TestClock();
        clock.Advance(TimeSpan.FromDays(-400));
        await using (var db = database.CreateContext(clock))
        {
            await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).MigrateAsync();
            db.Audit(AuditActions.Export, "AuditLog", null, "旧记录一");
            await db.SaveChangesAsync();
            db.Audit(AuditActions.Export, "AuditLog", null, "旧记录二");
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromDays(400));
        await using (var db = database.CreateContext(clock))
        {
            db.Audit(AuditActions.Export, "AuditLog", null, "新记录");
            await db.SaveChangesAsync();
            var message = await AuditRetention.PurgeAsync(db, new AuditOptions { RetentionMonths = 6 }, clock);
            message.ShouldContain("已清理2条");
        }

        await using (var db = database.CreateContext(clock))
        {
            (await db.AuditEntries.Select(e => e.Summary).ToListAsync()).ShouldNotContain("旧记录一");
            var result = await AuditChain.VerifyAsync(db);
            result.Intact.ShouldBeTrue(result.Message);
        }
    }

    [DbFact]
    public async Task AuditorSeesTheLogVerifiesTheChainAndExportsIt()
    {
        var auditor = await app.AdminClientAsync(Roles.AuditAdmin);

        var list = await auditor.GetDocumentAsync("/Audit?action=security");
        var verify = await auditor.PostFormAsync("/Audit/Verify", new Dictionary<string, string>());
        var export = await auditor.GetAsync(new Uri("/Audit?handler=Export", UriKind.Relative));

        list.QuerySelectorAll("[data-testid=audit] tbody tr").Length.ShouldBeGreaterThan(0);
        (await verify.ParseAsync()).QuerySelector("[data-testid=result]")!.TextContent.ShouldContain("链条完整");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "export" && e.ObjectType == "AuditLog"))).ShouldBeTrue();
    }
}

/// <summary>Tampering tests get their own application, because they leave its chain broken on purpose.</summary>
public sealed class AuditKeyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task RewritingAnEntryWithoutTheChainKeyIsDetected()
    {
        var (intact, last) = await app.WithDbAsync(async db => (await AuditChain.VerifyAsync(db), await db.AuditEntries.MaxAsync(e => e.Sequence)));
        intact.Intact.ShouldBeTrue(intact.Message);
        db_key_present().ShouldBeTrue();

        var broken = await app.WithDbAsync(async db =>
        {
            var victim = await db.AuditEntries.SingleAsync(e => e.Sequence == last);
            victim.Summary = "伪造的记录";
            victim.Hash = AuditChain.Compute(victim);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Summary\" = {0}, \"Hash\" = {1} WHERE \"Sequence\" = {2}", victim.Summary, victim.Hash, last);
            db.ChangeTracker.Clear();
            return await AuditChain.VerifyAsync(db);
        });

        broken.Intact.ShouldBeFalse();
        broken.BrokenAt.ShouldBe(last);

        bool db_key_present() => app.Services.GetService(typeof(AuditKey)) is AuditKey { Value: not null };
    }
}

/// <summary>A fixture configured below the legal minimum retention.</summary>
public sealed class ShortRetentionFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Audit:RetentionMonths"] = "3" };
}

public sealed class AuditRetentionConfigurationTests
{
    [DbFact]
    public void RetentionBelowSixMonthsStopsTheStartWithAChineseReason()
    {
        using var factory = new ShortRetentionFactory();

        var error = Should.Throw<Exception>(() => factory.CreateClient());

        error.ToString().ShouldContain("不能少于6个月");
    }
}
