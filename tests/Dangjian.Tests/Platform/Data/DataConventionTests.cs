using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dangjian.Tests.Platform.Data;

/// <summary>Keys, UTC, concurrency, soft delete, paging and scoping, on a real database of the configured provider.</summary>
public sealed class DataConventionTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private OrgUnit bureau = null!;
    private OrgUnit office = null!;
    private OrgUnit finance = null!;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        bureau = new OrgUnit { Name = "市科技局", Code = "KJJ", Kind = OrgUnitKind.Bureau };
        bureau.PlaceUnder(null);
        office = new OrgUnit { Name = "办公室", Code = "BGS", Kind = OrgUnitKind.Department };
        office.PlaceUnder(bureau);
        finance = new OrgUnit { Name = "计划财务科", Code = "JHCW", Kind = OrgUnitKind.Department };
        finance.PlaceUnder(bureau);
        db.OrgUnits.AddRange(bureau, office, finance);
        for (var i = 0; i < 45; i++)
        {
            db.People.Add(new Person { Name = $"人员{i:D2}", OrgUnitId = (i % 3 == 0 ? finance : office).Id, PartyStatus = PartyStatus.Full, PostRank = PostRank.Staff });
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    [DbFact]
    public async Task PagingWithoutAnOrderFailsInTests()
    {
        // A page of rows in no stated order can differ from one request to the next; in tests such a query fails (so
        // they find it), elsewhere EF only warns.
        await using var db = database.CreateContext();
        var unordered = await Should.ThrowAsync<InvalidOperationException>(() => db.People.Skip(20).Take(20).ToListAsync());
        unordered.Message.ShouldContain("RowLimitingOperationWithoutOrderByWarning");
        (await db.People.OrderBy(p => p.Name).Skip(20).Take(20).ToListAsync()).Count.ShouldBe(20);
    }

    [DbFact]
    public async Task KeysAreTimeOrderedAndTimesComeBackAsUtc()
    {
        await using var db = database.CreateContext();
        var people = await db.People.OrderBy(p => p.Name).ToListAsync();

        people.Select(p => p.Id.Version).Distinct().ShouldBe([7]);
        people[0].CreatedAt.Kind.ShouldBe(DateTimeKind.Utc);
        (DateTime.UtcNow - people[0].CreatedAt).ShouldBeLessThan(TimeSpan.FromMinutes(5));
    }

    [DbFact]
    public async Task StaleEditIsRefusedAndTheNewerEditSurvives()
    {
        Guid id;
        Guid loadedVersion;
        await using (var db = database.CreateContext())
        {
            var person = await db.People.OrderBy(p => p.Name).FirstAsync();
            (id, loadedVersion) = (person.Id, person.Version);
        }

        await using (var first = database.CreateContext())
        {
            var person = await first.People.SingleAsync(p => p.Id == id);
            person.Title = "第一次修改";
            await first.SaveChangesAsync();
        }

        await using (var second = database.CreateContext())
        {
            var person = await second.People.SingleAsync(p => p.Id == id);
            second.ExpectVersion(person, loadedVersion);
            person.Title = "过期的修改";
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        }

        await using var check = database.CreateContext();
        (await check.People.SingleAsync(p => p.Id == id)).Title.ShouldBe("第一次修改");
    }

    [DbFact]
    public async Task AStaleFormSaveReportsTheConflictInsteadOfOverwriting()
    {
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.OrgUnits.SingleAsync(u => u.Code == "BGS");
        var theirs = await second.OrgUnits.SingleAsync(u => u.Code == "BGS");
        theirs.Name = "综合办公室";
        await second.SaveChangesAsync();
        mine.Name = "办公室（改）";
        var form = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();

        var saved = await first.SaveOrReportConflictAsync(form, "该单位");

        saved.ShouldBeFalse();
        form[""]!.Errors.Single().ErrorMessage.ShouldContain("该单位已被他人修改");
        await using var check = database.CreateContext();
        (await check.OrgUnits.SingleAsync(u => u.Code == "BGS")).Name.ShouldBe("综合办公室");
    }

    [DbFact]
    public async Task DeletedRecordsAreHiddenAndCanBeRestored()
    {
        await using (var db = database.CreateContext())
        {
            db.CurrentUserId = Guid.CreateVersion7();
            db.People.Remove(await db.People.SingleAsync(p => p.Name == "人员00"));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            (await db.People.AnyAsync(p => p.Name == "人员00")).ShouldBeFalse();
            var deleted = await db.People.OnlyDeleted().SingleAsync(p => p.Name == "人员00");
            deleted.DeletedAt.ShouldNotBeNull();
            deleted.DeletedById.ShouldNotBeNull();
            deleted.Restore();
            await db.SaveChangesAsync();
        }

        await using var after = database.CreateContext();
        (await after.People.AnyAsync(p => p.Name == "人员00")).ShouldBeTrue();
    }

    [DbFact]
    public async Task PagesAreCountedOnTheServerAndClamped()
    {
        await using var db = database.CreateContext();
        var query = db.People.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Name);

        var third = await query.ToPageAsync(3, 20);
        third.Total.ShouldBe(45);
        third.Items.Count.ShouldBe(5);
        third.Items[0].ShouldBe("人员40");
        third.HasNext.ShouldBeFalse();

        (await query.ToPageAsync(99, 20)).Page.ShouldBe(3);
        (await query.ToPageAsync(-1, 20)).Page.ShouldBe(1);
        (await query.ToPageAsync(1, 100_000)).PageSize.ShouldBe(PagedQueryExtensions.MaxPageSize);
    }

    [DbFact]
    public async Task ScopeKeepsOnlyTheSubtree()
    {
        await using var db = database.CreateContext();

        var inOffice = await db.People.InScope(new DataScope([office.Path]), p => p.OrgUnit!.Path).CountAsync();
        var inBureau = await db.People.InScope(new DataScope([bureau.Path]), p => p.OrgUnit!.Path).CountAsync();
        var inBoth = await db.People.InScope(new DataScope([office.Path, finance.Path]), p => p.OrgUnit!.Path).CountAsync();
        var nothing = await db.People.InScope(DataScope.Nothing, p => p.OrgUnit!.Path).CountAsync();

        inOffice.ShouldBe(30);
        inBureau.ShouldBe(45);
        inBoth.ShouldBe(45);
        nothing.ShouldBe(0);
        new DataScope([office.Path]).Covers(finance.Path).ShouldBeFalse();
    }
}
