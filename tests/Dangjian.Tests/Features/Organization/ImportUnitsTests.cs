using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Organization;

/// <summary>The roster templates round-trip (download → fill → upload) and a unit path creates the units it names.</summary>
public sealed class ImportUnitsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheExcelTemplateFilledInCreatesItsUnitsAndPeopleInOneGo()
    {
        var client = await app.SignedInClientAsync("office");
        var template = await (await client.GetAsync(new Uri("/Organization/Import?handler=Template&format=xlsx", UriKind.Relative))).Content.ReadAsByteArrayAsync();
        var rows = Enumerable.Range(0, 30).Select(i => new[]
        {
            $"表格{i:D2}", i % 2 == 0 ? "男" : "女", "", "", i % 3 == 0 ? "" : $"139{i:D8}", i < 10 ? "市科技局/数据管理科" : i < 20 ? "市科技局/数据管理科/数据党支部" : "KJJ-BGS", "科员", "正式党员", "", "", "一般干部", "否",
        }).ToList();
        var filled = RosterWorkbook.Fill(template, rows);

        var preview = await RosterImportPages.UploadAsync(client, filled, "人员导入模板.xlsx");

        preview.QuerySelector("[data-testid=file-error]").ShouldBeNull();
        preview.QuerySelector("[data-testid=problems]").ShouldBeNull();
        preview.QuerySelector("[data-testid=preview-counts]")!.TextContent.ShouldContain("30");
        var planned = preview.QuerySelector("[data-testid=new-units]")!.TextContent;
        planned.ShouldContain("市科技局/数据管理科");
        planned.ShouldContain("市科技局/数据管理科/数据党支部");
        (await app.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Name == "数据管理科"))).ShouldBeFalse();

        var confirm = await RosterImportPages.ConfirmAsync(client, preview.QuerySelector("input[name=token]")!.GetAttribute("value")!);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var section = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Name == "数据管理科"));
        var branch = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Name == "数据党支部"));
        var bureau = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Code == "KJJ"));
        section.ParentId.ShouldBe(bureau.Id);
        section.Code.ShouldStartWith("KJJ-");
        branch.ParentId.ShouldBe(section.Id);
        branch.Kind.ShouldBe(OrgUnitKind.Branch);
        branch.Path.ShouldBe(section.Path + branch.Id.ToString("N") + "/");
        (await app.WithDbAsync(db => db.People.CountAsync(p => p.OrgUnitId == section.Id && p.Name.StartsWith("表格")))).ShouldBe(10);
        (await app.WithDbAsync(db => db.People.CountAsync(p => p.OrgUnitId == branch.Id && p.Name.StartsWith("表格")))).ShouldBe(10);
        (await app.WithDbAsync(db => db.People.AnyAsync(p => p.Name.StartsWith("张三")))).ShouldBeFalse("the template's example row is not imported");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "create" && e.ObjectType == "OrgUnit" && (e.ObjectId == section.Id.ToString() || e.ObjectId == branch.Id.ToString())))).ShouldBe(2);
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "import" && e.Summary!.Contains("新建单位2个")))).ShouldBeTrue();
    }

    [DbFact]
    public async Task TheCsvTemplateFilledInIsAccepted()
    {
        var client = await app.SignedInClientAsync("office");
        var template = Encoding.UTF8.GetString(await (await client.GetAsync(new Uri("/Organization/Import?handler=Template&format=csv", UriKind.Relative))).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = template.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldContain("姓名");
        var header = lines[0].Split(',').Select(RosterImport.HeaderName).ToList();
        string Row(string name, string unit)
        {
            var cells = new string[header.Count];
            Array.Fill(cells, "");
            cells[header.IndexOf("姓名")] = name;
            cells[header.IndexOf("所在单位")] = unit;
            return string.Join(',', cells);
        }

        var filled = string.Join("\n", lines.Take(2).Append(Row("逗号一", "市科技局/档案室")).Append(Row("逗号二", "办公室")));

        var preview = await RosterImportPages.UploadAsync(client, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(filled)).ToArray(), "人员导入模板.csv");

        preview.QuerySelector("[data-testid=problems]").ShouldBeNull(preview.Body!.TextContent);
        preview.QuerySelector("[data-testid=new-units]")!.TextContent.ShouldContain("市科技局/档案室");
        var confirm = await RosterImportPages.ConfirmAsync(client, preview.QuerySelector("input[name=token]")!.GetAttribute("value")!);
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.People.Where(p => p.Name == "逗号一").Select(p => p.OrgUnit!.Name).SingleAsync())).ShouldBe("档案室");
        (await app.WithDbAsync(db => db.People.Where(p => p.Name == "逗号二").Select(p => p.OrgUnit!.Code).SingleAsync())).ShouldBe("KJJ-BGS");
    }

    [DbFact]
    public async Task HeadersMarkedRequiredAreUnderstood()
    {
        var client = await app.SignedInClientAsync("office");
        var csv = "姓名*,所在单位＊,手机号\n星号一,KJJ-BGS,13900001234";

        var preview = await RosterImportPages.UploadAsync(client, Encoding.UTF8.GetBytes(csv), "stars.csv");

        preview.QuerySelector("[data-testid=file-error]").ShouldBeNull();
        preview.QuerySelector("[data-testid=confirm]").ShouldNotBeNull();
    }

    [DbFact]
    public async Task AnOfficeBelowTheTopCannotCreateUnitsOutsideItsSubtree()
    {
        // The security administrator lets the 直属单位办公室 import its own roster (科技情报研究所, demo account “unit”).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var permissions = scope.ServiceProvider.GetRequiredService<RolePermissions>();
            var granted = (await permissions.CurrentAsync())[Roles.UnitOffice];
            (await permissions.SetAsync(Roles.UnitOffice, [.. granted, Permissions.PeopleImport])).ShouldBeNull();
        }

        var client = await app.SignedInClientAsync("unit");
        var before = await app.WithDbAsync(db => db.OrgUnits.CountAsync());
        var csv = "姓名,所在单位\n越界一,市科技局/越界科\n所内一,市科技局/科技情报研究所/情报一室";

        var preview = await RosterImportPages.UploadAsync(client, Encoding.UTF8.GetBytes(csv), "scope.csv");

        var problems = preview.QuerySelectorAll("[data-testid=problems] tbody tr").Select(r => r.TextContent).ToList();
        problems.ShouldHaveSingleItem().ShouldContain("不能在“市科技局”下新建单位“越界科”：该单位不在您的管理范围内");
        preview.QuerySelector("[data-testid=confirm]").ShouldBeNull();
        var forced = await RosterImportPages.ConfirmAsync(client, preview.QuerySelector("input[name=token]")?.GetAttribute("value") ?? Guid.NewGuid().ToString("N"));
        forced.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        (await app.WithDbAsync(db => db.OrgUnits.CountAsync())).ShouldBe(before);
        (await app.WithDbAsync(db => db.People.AnyAsync(p => p.Name == "所内一" || p.Name == "越界一"))).ShouldBeFalse();

        var inside = await RosterImportPages.UploadAsync(client, Encoding.UTF8.GetBytes("姓名,所在单位\n所内一,市科技局/科技情报研究所/情报一室"), "inside.csv");
        (await RosterImportPages.ConfirmAsync(client, inside.QuerySelector("input[name=token]")!.GetAttribute("value")!)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var institute = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Code == "KJJ-QBS"));
        (await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Name == "情报一室").Select(u => u.ParentId).SingleAsync())).ShouldBe(institute.Id);
    }

    [DbFact]
    public async Task OneBadRowLeavesNoUnitAndNoPersonBehind()
    {
        var client = await app.SignedInClientAsync("office");
        var before = await app.WithDbAsync(db => db.OrgUnits.CountAsync());
        var people = await app.WithDbAsync(db => db.People.CountAsync());
        var csv = "姓名,所在单位,手机号\n回滚一,市科技局/回滚科,\n回滚二,市科技局/回滚科/回滚党支部,\n回滚三,市科技局/回滚科,12345";

        var preview = await RosterImportPages.UploadAsync(client, Encoding.UTF8.GetBytes(csv), "bad.csv");

        preview.QuerySelector("[data-testid=problems]")!.TextContent.ShouldContain("手机号");
        preview.QuerySelector("[data-testid=confirm]").ShouldBeNull();
        var forced = await RosterImportPages.ConfirmAsync(client, preview.QuerySelector("input[name=token]")?.GetAttribute("value") ?? "");
        forced.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        (await app.WithDbAsync(db => db.OrgUnits.CountAsync())).ShouldBe(before);
        (await app.WithDbAsync(db => db.People.CountAsync())).ShouldBe(people);
    }
}
