using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Organization;

public sealed class OrgUnitTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task OfficeCreatesASubUnitAndCodesStayUnique()
    {
        var client = await app.SignedInClientAsync("office");
        var bureau = await UnitAsync("KJJ");

        var created = await NewUnitAsync(client, bureau.Id, "科技监督科", "KJJ-KJJD");
        var duplicate = await NewUnitAsync(client, bureau.Id, "另一个科", "KJJ-KJJD");

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await duplicate.ParseAsync()).ErrorsText().ShouldContain("已被其他单位使用");
        var unit = await UnitAsync("KJJ-KJJD");
        unit.Path.ShouldStartWith(bureau.Path);
        unit.Name.ShouldBe("科技监督科");
    }

    [DbFact]
    public async Task TheFormTakesItsLengthsFromTheInputRecord()
    {
        var client = await app.SignedInClientAsync("office");
        var bureau = await UnitAsync("KJJ");

        var form = await client.GetDocumentAsync($"/Organization/EditUnit?parentId={bureau.Id}");

        form.QuerySelector("input[name='Input.Name']")!.GetAttribute("maxlength").ShouldBe("100");
        form.QuerySelector("input[name='Input.Code']")!.GetAttribute("maxlength").ShouldBe("50");
        form.QuerySelector("input[name='Input.SortOrder']")!.HasAttribute("maxlength").ShouldBeFalse();
    }

    [DbFact]
    public async Task MovingAUnitUnderItsOwnDescendantIsRefusedAndAValidMoveCarriesTheSubtree()
    {
        var client = await app.SignedInClientAsync("office");
        var bureau = await UnitAsync("KJJ");
        await NewUnitAsync(client, bureau.Id, "临时处", "KJJ-LS");
        var parent = await UnitAsync("KJJ-LS");
        await NewUnitAsync(client, parent.Id, "临时一科", "KJJ-LS-1");
        var child = await UnitAsync("KJJ-LS-1");
        await NewUnitAsync(client, child.Id, "临时一组", "KJJ-LS-1-A");
        var office = await UnitAsync("KJJ-BGS");

        var cycle = await client.PostFormAsync($"/Organization/Move?id={parent.Id}", new Dictionary<string, string> { ["TargetId"] = child.Id.ToString() });
        (await cycle.ParseAsync()).ErrorsText().ShouldContain("不能把单位移动到它自己或它的下级单位之下");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Dangjian.Web.Platform.Data.AppDbContext>();
            var operations = new OrgUnitOperations(db);
            var self = await db.OrgUnits.SingleAsync(u => u.Id == parent.Id);
            (await operations.MoveAsync(self, await db.OrgUnits.SingleAsync(u => u.Id == child.Id))).ShouldBe("不能把单位移动到它自己或它的下级单位之下。");
        }

        var moved = await client.PostFormAsync($"/Organization/Move?id={parent.Id}", new Dictionary<string, string> { ["TargetId"] = office.Id.ToString() });

        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var grandchild = await UnitAsync("KJJ-LS-1-A");
        grandchild.Path.ShouldStartWith(office.Path + parent.Id.ToString("N") + "/" + child.Id.ToString("N") + "/");
        (await UnitAsync("KJJ-LS")).ParentId.ShouldBe(office.Id);
    }

    [DbFact]
    public async Task AUnitWithPeopleCannotBeDeletedOrDeactivatedButAnEmptyOneCan()
    {
        var client = await app.SignedInClientAsync("office");
        var finance = await UnitAsync("KJJ-JHCW");
        var bureau = await UnitAsync("KJJ");
        await NewUnitAsync(client, bureau.Id, "空处室", "KJJ-EMPTY");
        var empty = await UnitAsync("KJJ-EMPTY");

        var delete = await client.PostFormAsync($"/Organization/Unit?id={finance.Id}", new Dictionary<string, string>(), action: "handler=Delete");
        delete.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync($"/Organization/Unit?id={finance.Id}")).QuerySelector("[data-testid=flash]")!.TextContent.ShouldContain("不能删除，只能停用");
        await client.PostFormAsync($"/Organization/Unit?id={finance.Id}", new Dictionary<string, string>(), action: "handler=Deactivate");
        (await client.GetDocumentAsync($"/Organization/Unit?id={finance.Id}")).QuerySelector("[data-testid=flash]")!.TextContent.ShouldContain("还有人员");
        (await app.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Id == finance.Id && u.IsActive))).ShouldBeTrue();

        var deleteEmpty = await client.PostFormAsync($"/Organization/Unit?id={empty.Id}", new Dictionary<string, string>(), action: "handler=Delete");

        deleteEmpty.Headers.Location!.OriginalString.ShouldContain(bureau.Id.ToString());
        (await app.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Id == empty.Id))).ShouldBeFalse();
    }

    [DbFact]
    public async Task MergingMovesPeopleAndKeepsTheSourceAsHistory()
    {
        var client = await app.SignedInClientAsync("office");
        var rural = await UnitAsync("KJJ-NCKJ");
        var social = await UnitAsync("KJJ-SHFZ");
        var ruralPeople = await app.WithDbAsync(db => db.People.CountAsync(p => p.OrgUnitId == rural.Id));

        var merged = await client.PostFormAsync($"/Organization/Move?id={rural.Id}&merge=true", new Dictionary<string, string> { ["TargetId"] = social.Id.ToString() });

        merged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var source = await UnitAsync("KJJ-NCKJ");
        source.IsActive.ShouldBeFalse();
        source.MergedIntoId.ShouldBe(social.Id);
        (await app.WithDbAsync(db => db.People.CountAsync(p => p.OrgUnitId == rural.Id))).ShouldBe(0);
        (await app.WithDbAsync(db => db.People.CountAsync(p => p.OrgUnitId == social.Id))).ShouldBeGreaterThanOrEqualTo(ruralPeople + 3);
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "merge" && e.ObjectId == rural.Id.ToString()))).ShouldBeTrue();
    }

    [DbFact]
    public async Task TreeShowsTheBureauAndSearchFindsUnits()
    {
        var client = await app.SignedInClientAsync("office");

        var tree = await client.GetDocumentAsync("/Organization");
        var search = await client.GetDocumentAsync("/Organization?q=党支部");

        tree.QuerySelector("[data-testid=tree]")!.TextContent.ShouldContain("机关党支部");
        tree.QuerySelector("[data-testid=tree]")!.TextContent.ShouldNotContain("市委第三督导组");
        search.QuerySelectorAll("[data-testid=hits] tbody tr").Select(r => r.TextContent).ShouldContain(t => t.Contains("机关党支部", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> NewUnitAsync(HttpClient client, Guid parentId, string name, string code) =>
        client.PostFormAsync($"/Organization/EditUnit?parentId={parentId}", new Dictionary<string, string>
        {
            ["Input.ParentId"] = parentId.ToString(),
            ["Input.Name"] = name,
            ["Input.Code"] = code,
            ["Input.Kind"] = "Department",
            ["Input.SortOrder"] = "500",
        });

    private Task<OrgUnit> UnitAsync(string code) => app.WithDbAsync(db => db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == code));
}
