using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Organization;

public sealed class ImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TemplateDownloadsAndReadsBack()
    {
        var client = await app.SignedInClientAsync("office");

        var xlsx = await client.GetAsync(new Uri("/Organization/Import?handler=Template&format=xlsx", UriKind.Relative));
        var csv = await client.GetAsync(new Uri("/Organization/Import?handler=Template&format=csv", UriKind.Relative));

        xlsx.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var rows = SpreadsheetReader.Read(await xlsx.Content.ReadAsByteArrayAsync());
        rows[1].ShouldContain("姓名*");
        rows[1].ShouldContain("所在单位*");
        SpreadsheetReader.Read(await csv.Content.ReadAsByteArrayAsync())[0].ShouldContain("身份证号");
    }

    [DbFact]
    public async Task PreviewListsEveryRowsProblemsInChineseAndWritesNothing()
    {
        var existing = await app.WithDbAsync(db => db.People.Where(p => p.Name == "孙磊").Select(p => p.IdNumberMasked).SingleAsync());
        existing.ShouldNotBeNull();
        var client = await app.SignedInClientAsync("office");
        var before = await CountAsync();
        var good = PersonalIds.WithCheckDigit("11010519900101333");
        var csv = string.Join("\n",
            "姓名,性别,出生日期,身份证号,手机号,所在单位,职务,政治面貌,入党日期,转正日期,职级,是否离退休",
            $"甲一,男,,{good},13800001111,KJJ-BGS,科员,正式党员,2015-07-01,2016-07-01,一般干部,否",
            ",男,,,,KJJ-BGS,,,,,,",
            "乙二,女,,110105199001013330,,KJJ-BGS,,,,,,",
            "丙三,男,,,,不存在的科,,,,,,",
            $"丁四,男,,{good},,办公室,,,,,,",
            "戊五,男,,,139,KJJ-BGS,,党员,2020-13-01,,处长,也许");

        var preview = await RosterImportPages.UploadAsync(client, Encoding.UTF8.GetBytes(csv), "roster.csv");

        var problems = preview.QuerySelectorAll("[data-testid=problems] tbody tr").Select(r => r.TextContent).ToList();
        problems.Count.ShouldBe(5);
        problems.ShouldContain(p => p.Contains("缺少姓名", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("校验位不正确", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("找不到单位“不存在的科”", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("与第2行重复", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("手机号应为11位", StringComparison.Ordinal) && p.Contains("2020-13-01", StringComparison.Ordinal) && p.Contains("职级“处长”", StringComparison.Ordinal));
        preview.QuerySelector("[data-testid=confirm]").ShouldBeNull();
        (await CountAsync()).ShouldBe(before);
    }

    [DbFact]
    public async Task ValidSpreadsheetImportsEveryRowInOneGoWithAuditEntries()
    {
        var client = await app.SignedInClientAsync("office");
        var before = await CountAsync();
        var rows = Enumerable.Range(0, 300).Select(i => (IReadOnlyList<object?>)
            [$"导入{i:D3}", i % 2 == 0 ? "男" : "女", null, PersonalIds.WithCheckDigit($"1101051985{(i % 12) + 1:D2}15{i:D3}"), null, i % 3 == 0 ? "KJJ-GXJS" : "社会发展科", "科员", "正式党员", new DateOnly(2010, 7, 1), null, "一般干部", "否"]).ToList();
        var file = XlsxWriter.Write("人员", "人员导入", RosterImport.Headers.Select(h => new XlsxWriter.Column(h)).ToList(), rows);

        var preview = await RosterImportPages.UploadAsync(client, file, "roster.xlsx");
        preview.QuerySelector("[data-testid=preview-counts]")!.TextContent.ShouldContain("300");
        var token = preview.QuerySelector("input[name=token]")!.GetAttribute("value")!;
        preview.QuerySelector("[data-testid=confirm]").ShouldNotBeNull();
        var confirm = await RosterImportPages.ConfirmAsync(client, token);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CountAsync()).ShouldBe(before + 300);
        var joined = await app.WithDbAsync(db => db.People.Where(p => p.Name == "导入007").Select(p => new { p.JoinedPartyOn, p.IdNumberMasked, p.Gender }).SingleAsync());
        joined.JoinedPartyOn.ShouldBe(new DateOnly(2010, 7, 1));
        joined.IdNumberMasked.ShouldNotBeNull();
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "create" && e.ObjectType == "Person" && e.Summary!.StartsWith("导入")))).ShouldBe(300);
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "import")))
            .ShouldBeTrue();
    }

    [DbFact]
    public async Task ImportIsAllOrNothingWhenTheDataChangedAfterThePreview()
    {
        var client = await app.SignedInClientAsync("office");
        var id = PersonalIds.WithCheckDigit("11010519750505555");
        var csv = "姓名,所在单位,身份证号\n己六,KJJ-BGS,\n庚七,KJJ-BGS," + id;
        var preview = await RosterImportPages.UploadAsync(client, Encoding.UTF8.GetBytes(csv), "two.csv");
        var token = preview.QuerySelector("input[name=token]")!.GetAttribute("value")!;
        var unit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ-GXJS").Select(u => u.Id).SingleAsync());
        var other = await app.SignedInClientAsync("office");
        (await other.PostFormAsync($"/Organization/People/Edit?unitId={unit}", new Dictionary<string, string>
        {
            ["Input.Name"] = "抢先登记", ["Input.OrgUnitId"] = unit.ToString(), ["Input.Gender"] = "Unknown", ["Input.PartyStatus"] = "Full", ["Input.PostRank"] = "Staff", ["Input.IdNumber"] = id,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = await CountAsync();

        var confirm = await RosterImportPages.ConfirmAsync(client, token);

        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await confirm.ParseAsync()).ErrorsText().ShouldContain("没有导入任何数据");
        (await CountAsync()).ShouldBe(before);
        (await app.WithDbAsync(db => db.People.AnyAsync(p => p.Name == "己六"))).ShouldBeFalse();
    }

    [DbTheory]
    [InlineData("png")]
    [InlineData("fake-xlsx")]
    [InlineData("empty")]
    public async Task FilesThatAreNotSpreadsheetsGetAClearMessage(string kind)
    {
        var client = await app.SignedInClientAsync("office");
        byte[] content = kind switch
        {
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
            "fake-xlsx" => [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8],
            _ => [],
        };

        var preview = await RosterImportPages.UploadAsync(client, content, "roster.xlsx");

        var text = preview.QuerySelector("[data-testid=file-error]")!.TextContent;
        text.ShouldMatch("(不是有效的 Excel|请上传 Excel|请选择要上传|文件是空的)");
    }

    [DbFact]
    public async Task HugeFilesAreRefused()
    {
        var client = await app.SignedInClientAsync("office");
        var content = new byte[(RosterImport.MaxBytes) + 1024];

        var preview = await RosterImportPages.UploadAsync(client, content, "huge.csv");

        preview.QuerySelector("[data-testid=file-error]")!.TextContent.ShouldContain("超过10 MB");
    }

    private Task<int> CountAsync() => app.WithDbAsync(db => db.People.CountAsync());
}
