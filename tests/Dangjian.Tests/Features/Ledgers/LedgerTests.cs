using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Ledgers;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Ledgers;

public sealed class LedgerRulesTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly Due = new(2026, 12, 31);

    [Theory]
    [InlineData("2026-07-02", 50, Pace.Green)]
    [InlineData("2026-07-02", 40, Pace.Amber)]
    [InlineData("2026-07-02", 30, Pace.Red)]
    [InlineData("2027-01-05", 99, Pace.Red)]
    [InlineData("2027-01-05", 100, Pace.Green)]
    [InlineData("2025-12-01", 0, Pace.Green)]
    public void TimeAgainstTaskColours(string today, int progress, Pace expected) =>
        LedgerRules.PaceOf(progress, Start, Due, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), false).ShouldBe(expected);

    [Fact]
    public void DoneIsDoneAndElapsedStaysInRange()
    {
        LedgerRules.PaceOf(10, Start, Due, new DateOnly(2027, 3, 1), true).ShouldBe(Pace.Done);
        Prop.ForAll(Gen.Choose(-400, 800).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (offset, progress) =>
        {
            var today = Start.AddDays(offset);
            var elapsed = LedgerRules.Elapsed(Start, Due, today);
            var pace = LedgerRules.PaceOf(progress, Start, Due, today, false);
            return elapsed is >= 0 and <= 100 && (progress >= elapsed && today <= Due ? pace == Pace.Green : pace != Pace.Done);
        }).QuickCheckThrowOnFailure();
        LedgerRules.MonthDue(new DateOnly(2026, 1, 15)).ShouldBe(new DateOnly(2025, 12, 1));
        LedgerRules.CheckReport(101, "x").ShouldNotBeNull();
        LedgerRules.CheckReport(50, " ").ShouldNotBeNull();
        LedgerRules.CheckReport(50, "按计划推进").ShouldBeNull();
    }
}

public sealed class LedgerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));

    [DbFact]
    public async Task TheDemoLedgersShowPaceAndTheMonthsMissingReports()
    {
        var office = await app.SignedInClientAsync("office");
        var list = await office.GetDocumentAsync("/Ledgers");
        list.QuerySelectorAll("[data-testid=ledgers] li").Length.ShouldBe(2);
        var tasks = await app.WithDbAsync(db => db.Ledgers.Where(l => l.Kind == LedgerKind.KeyTasks).Select(l => l.Id).SingleAsync());
        var page = await office.GetDocumentAsync($"/Ledgers/Ledger?id={tasks}");
        page.QuerySelectorAll("[data-testid=items] li").Length.ShouldBe(3);
        page.QuerySelector("[data-testid=departments]")!.TextContent.ShouldContain("政策法规科");
        page.QuerySelectorAll("[data-testid=pace]").Select(p => p.TextContent.Trim()).ShouldContain("已办结");

        var dispatch = await office.GetDocumentAsync($"/Ledgers/Dispatch?id={tasks}");
        dispatch.QuerySelector("[data-testid=missing-count]")!.TextContent.ShouldContain("未报送1项");
        var instructions = await app.WithDbAsync(db => db.Ledgers.Where(l => l.Kind == LedgerKind.Instructions).Select(l => l.Id).SingleAsync());
        var overdue = await office.GetDocumentAsync($"/Ledgers/Ledger?id={instructions}&pace=Red");
        overdue.QuerySelector("[data-testid=items]")!.TextContent.ShouldContain("科技经费使用专项检查");

        var reminded = await office.PostFormAsync($"/Ledgers/Dispatch?id={tasks}", new Dictionary<string, string>(), "handler=Remind");
        reminded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetDocumentAsync($"/Ledgers/Dispatch?id={tasks}")).QuerySelector("[data-testid=flash]")!.TextContent.ShouldContain("已提醒1个部门（2人）", Case.Sensitive, "生产力促进中心's head and the lead leader");
        var api = await office.GetFromJsonAsync<LedgersApi.DispatchDto>($"/api/v1/ledgers/{tasks}/dispatch");
        (api!.Open, api.Reported, api.Missing.Count).ShouldBe((3, 2, 1));
        var items = await office.GetFromJsonAsync<List<LedgersApi.ItemDto>>($"/api/v1/ledgers/{instructions}/items");
        items!.Single(i => i.Content.Contains("科技经费", StringComparison.Ordinal)).Pace.ShouldBe("Red");
        (await office.GetAsync(new Uri($"/api/v1/ledgers/{Guid.NewGuid()}/items", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var export = await office.GetAsync(new Uri($"/Ledgers/Dispatch?handler=Export&id={tasks}", UriKind.Relative));
        export.Content.Headers.ContentType!.MediaType!.ShouldContain("spreadsheetml");
    }

    [DbFact]
    public async Task ADepartmentReportsOnlyItsOwnItemsAndTheOfficeComments()
    {
        var units = await app.WithDbAsync(db => db.OrgUnits.ToDictionaryAsync(u => u.Name, u => u.Id));
        var people = await app.WithDbAsync(db => db.People.ToDictionaryAsync(p => p.Name, p => p.Id));
        var ledger = await app.WithDbAsync(db => db.Ledgers.Where(l => l.Kind == LedgerKind.Instructions).Select(l => l.Id).SingleAsync());
        var office = await app.SignedInClientAsync("office");
        var url = $"/Ledgers/ItemEdit?ledgerId={ledger}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Source"] = "局长办公会议定事项", ["Input.Content"] = "组织科技活动周", ["Input.LeadLeaderId"] = people["张志强"].ToString(), ["Input.DepartmentId"] = units["高新技术科"].ToString(),
            ["Input.StartsOn"] = Today.AddDays(-60).ToString("yyyy-MM-dd"), ["Input.DueOn"] = Today.AddDays(60).ToString("yyyy-MM-dd"),
        };
        (await (await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.DueOn"] = Today.AddDays(-90).ToString("yyyy-MM-dd") })).ParseAsync()).ErrorsText().ShouldContain("不能早于开始时间");
        (await (await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.LeadLeaderId"] = people["孙磊"].ToString() })).ParseAsync()).ErrorsText().ShouldContain("牵头领导");
        (await (await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.Content"] = "" })).ParseAsync()).ErrorsText().ShouldContain("督办内容");
        (await (await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.Source"] = new string('长', LedgerItem.SourceMax + 1) })).ParseAsync()).ErrorsText().ShouldContain("不能超过200个字");
        var made = await office.PostFormAsync(url, fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var item = Guid.Parse(made.Headers.Location!.OriginalString.Split("id=")[1]);

        // 孙磊 works in 高新技术科: he reports on its item, not on 政策法规科's.
        var member = await app.SignedInClientAsync("member");
        var month = LedgerRules.MonthDue(Today).ToString("yyyy-MM-dd");
        (await member.PostFormAsync($"/Ledgers/Item?id={item}", new Dictionary<string, string> { ["month"] = month, ["progress"] = "120", ["narrative"] = "x" }, "handler=Report")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetDocumentAsync($"/Ledgers/Item?id={item}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("0%到100%");
        (await member.PostFormAsync($"/Ledgers/Item?id={item}", new Dictionary<string, string> { ["month"] = "2001-01-01", ["progress"] = "20", ["narrative"] = "x" }, "handler=Report")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetDocumentAsync($"/Ledgers/Item?id={item}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("月份");
        (await member.PostFormAsync($"/Ledgers/Item?id={item}", new Dictionary<string, string> { ["month"] = month, ["progress"] = "40", ["narrative"] = "完成活动方案。" }, "handler=Report")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.LedgerItems.Where(i => i.Id == item).Select(i => i.Progress).SingleAsync())).ShouldBe(40);
        var other = await app.WithDbAsync(db => db.LedgerItems.Where(i => i.DepartmentId == units["政策法规科"]).Select(i => i.Id).FirstAsync());
        (await member.GetDocumentAsync($"/Ledgers/Item?id={other}")).QuerySelector("form[action*=Report]").ShouldBeNull();
        (await member.PostHandlerAsync($"/Ledgers/Item?id={other}", "Report", new Dictionary<string, string> { ["month"] = month, ["progress"] = "10", ["narrative"] = "x" })).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        (await member.GetAsync(new Uri(url, UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");

        var report = await app.WithDbAsync(db => db.MonthlyReports.Where(r => r.ItemId == item).Select(r => r.Id).SingleAsync());
        await office.PostFormAsync($"/Ledgers/Item?id={item}", new Dictionary<string, string> { ["reportId"] = report.ToString(), ["comment"] = "方案可行。" }, "handler=Comment");
        (await member.PostFormAsync($"/Ledgers/Item?id={item}", new Dictionary<string, string> { ["month"] = month, ["progress"] = "50", ["narrative"] = "改口径" }, "handler=Report")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetDocumentAsync($"/Ledgers/Item?id={item}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("已经点评");
        await office.PostFormAsync($"/Ledgers/Item?id={item}", new Dictionary<string, string> { ["undo"] = "false" }, "handler=Done");
        (await office.GetDocumentAsync($"/Ledgers/Item?id={item}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("尚未达到100%");
    }
}
