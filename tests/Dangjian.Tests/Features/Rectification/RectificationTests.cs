using Dangjian.Web.Platform.Data;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Features.Rectification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Rectification;

public sealed class RectificationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> IdAsync(string title) => app.WithDbAsync(db => db.RectificationItems.Where(i => i.Title == title).Select(i => i.Id).SingleAsync());

    [DbFact]
    public async Task TheDemoPlanRollsUpAndCountsItsRates()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        var figures = await office.GetFromJsonAsync<RectificationProgress.Figures>($"/api/v1/rectification/figures?campaignId={campaign}");
        (figures!.Items, figures.Tasks, figures.Closed, figures.ClosedOnTime, figures.Overdue, figures.Public).ShouldBe((7, 2, 1, 1, 1, 3), "five of the bureau's own plan and two of the 科技情报研究所's");
        (figures.ClosedRate, figures.OnTimeRate).ShouldBe((14.3, 100.0));
        figures.ProblemsByCategory["形式主义"].ShouldBe(1);

        var meetings = await app.WithDbAsync(db => db.RectificationItems.SingleAsync(i => i.Title == "精简会议文件，清理规范检查评比"));
        meetings.Progress.ShouldBe(86, "(100×2 + 60×1) ÷ 3, rounded down");
        var page = await office.GetDocumentAsync($"/Rectification?campaignId={campaign}");
        page.QuerySelector("[data-testid=closed-rate]")!.TextContent.Trim().ShouldBe("14.3%");
        page.QuerySelector("[data-testid=overdue]")!.TextContent.Trim().ShouldBe("1");
        page.QuerySelector("[data-testid=rectification-items]")!.TextContent.ShouldContain("制定会议计划管理办法");
        (await office.GetDocumentAsync($"/Rectification?campaignId={campaign}&status=overdue")).QuerySelectorAll("[data-testid=rectification-items] > li").Length.ShouldBe(1);

        var export = await office.GetAsync(new Uri($"/Rectification?handler=Export&campaignId={campaign}", UriKind.Relative));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType!.ShouldContain("spreadsheetml");
        var roadmap = await office.GetDocumentAsync($"/Rectification/Roadmap?campaignId={campaign}&by=leader");
        roadmap.QuerySelector("[data-testid=roadmap]")!.TextContent.ShouldContain("张志强");
        roadmap.QuerySelectorAll(".dj-roadmap-bar.dj-status-red").Length.ShouldBe(1);
        (await office.GetDocumentAsync($"/Rectification/Special?campaignId={campaign}")).QuerySelector("[data-testid=special]")!.TextContent.ShouldContain("文山会海专项整治");
        var items = await office.GetFromJsonAsync<Paged<RectificationApi.ItemDto>>($"/api/v1/rectification/items?campaignId={campaign}&pageSize=100");
        items!.Total.ShouldBe(9);
        items.Items.Single(i => i.Title == "改进窗口服务作风").Overdue.ShouldBeTrue();
        (await office.GetAsync(new Uri($"/api/v1/rectification/items?campaignId={Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task ThePublicPageShowsOnlyWhatWasPublishedAndNothingPersonal()
    {
        var campaign = await app.AddCampaignAsync("整改公开测试活动");
        var leader = await app.AddPersonAsync("钱公开", with: p => p.Title = "副局长");
        var published = await app.AddRectificationItemAsync(campaign, "公开的整改事项甲", leader, i => (i.IsPublic, i.Commitment, i.SortOrder) = (true, "承诺三十日内办结。", 1));
        // A task of a published item stays inside even when marked public itself.
        await app.AddRectificationItemAsync(campaign, "公开事项甲的分解任务", leader, i => (i.ParentId, i.IsPublic) = (published, true));
        var second = await app.AddRectificationItemAsync(campaign, "公开的整改事项乙", leader, i => (i.IsPublic, i.SortOrder) = (true, 2));
        await app.AddRectificationItemAsync(campaign, "未公开的整改事项", leader);
        await app.WithDbAsync(db =>
        {
            db.ProgressReports.Add(new ProgressReport { ItemId = second, ReportedOn = app.Today, Percent = 40, Narrative = "进展说明只在机关内部", ReporterId = leader });
            return db.SaveChangesAsync();
        });

        var anonymous = app.CreateClient();
        var page = await anonymous.GetDocumentAsync($"/Public/Rectification?c={campaign}");
        var text = page.QuerySelector("[data-testid=public-items]")!.TextContent;
        text.ShouldContain("公开的整改事项甲");
        text.ShouldContain("承诺三十日内办结。");
        text.ShouldContain("副局长", Case.Sensitive, "the leader by post, not by name");
        text.ShouldNotContain("未公开的整改事项", Case.Sensitive, "not published");
        page.QuerySelectorAll("[data-testid=public-items] h2").Select(h => h.TextContent.Trim()).ToList().ShouldBe(["公开的整改事项甲", "公开的整改事项乙"], "the two published items in plan order; their tasks stay inside");
        text.ShouldNotContain("进展说明只在机关内部", Case.Sensitive, "progress narratives stay inside");
        text.ShouldNotContain("钱公开");

        (await anonymous.GetAsync(new Uri($"/Public/Rectification?c={Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.SignedInClientAsync("office")).GetDocumentAsync($"/Rectification/Disclosure?campaignId={campaign}").Result
            .QuerySelector("[data-testid=public-link]")!.GetAttribute("href")!.ShouldContain($"/Public/Rectification?c={campaign}");
    }

    [DbFact]
    public async Task OverdueItemsAreRemindedToTheirLeaders()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReminderRunner>().RunOnceAsync();
        var window = await IdAsync("改进窗口服务作风");
        var keys = await app.WithDbAsync(db => db.ReminderLogs.Select(r => r.Key).ToListAsync());
        keys.ShouldContain(k => k.StartsWith("rectification:" + window.ToString("N") + ":overdue", StringComparison.Ordinal));
        var zhang = await app.WithDbAsync(db => db.Users.Where(u => u.PersonId == db.People.Where(p => p.Name == "王建国").Select(p => p.Id).Single()).Select(u => u.Id).SingleAsync());
        (await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == zhang && n.Title.Contains("改进窗口服务作风")))).ShouldBeTrue("the 组长 hears of overdue items");
    }
}

/// <summary>Changes items, on its own database so the demo figures above stay exact.</summary>
public sealed class RectificationFlowTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> IdAsync(string title) => app.WithDbAsync(db => db.RectificationItems.Where(i => i.Title == title).Select(i => i.Id).SingleAsync());

    [DbFact]
    public async Task AnItemIsPlannedDecomposedReportedVerifiedClosedAndReopened()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var (start, end) = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign).Select(c => new { c.StartsOn, c.EndsOn }).SingleAsync()).ContinueWith(t => (t.Result.StartsOn, t.Result.EndsOn));
        var people = await app.WithDbAsync(db => db.People.ToDictionaryAsync(p => p.Name, p => p.Id));
        var units = await app.WithDbAsync(db => db.OrgUnits.ToDictionaryAsync(u => u.Name, u => u.Id));
        var office = await app.SignedInClientAsync("office");
        var url = $"/Rectification/Edit?campaignId={campaign}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "规范科技计划项目评审", ["Input.Goal"] = "评审全程公开透明。", ["Input.Measures"] = "建立专家库随机抽取制度，评审结果公示。",
            ["Input.StartsOn"] = app.Today.ToString("yyyy-MM-dd"), ["Input.DueOn"] = end.ToString("yyyy-MM-dd"), ["Input.Horizon"] = "Deadline",
            ["Input.LeaderPersonId"] = people["张志强"].ToString(), ["Input.DepartmentId"] = units["高新技术科"].ToString(), ["Input.Weight"] = "1",
            ["Input.Commitment"] = "承诺评审结果一律公示。", ["Input.IsPublic"] = "true",
        };
        var before = await app.WithDbAsync(db => db.RectificationItems.CountAsync());
        var bad = new (string Field, string Value, string Error)[]
        {
            ("Input.Goal", "", "明确目标和措施"),
            ("Input.DueOn", end.AddDays(30).ToString("yyyy-MM-dd"), "长期坚持"),
            ("Input.LeaderPersonId", people["孙磊"].ToString(), "班子成员"),
            ("Input.DepartmentId", Guid.NewGuid().ToString(), "责任部门"),
            ("Input.Weight", "0", "权重"),
            ("Input.Commitment", "由孙磊同志负责联络。", "孙磊"),
            ("Input.StartsOn", start.AddDays(-1).ToString("yyyy-MM-dd"), "活动开始"),
            ("Input.Measures", new string('措', RectificationItem.MeasuresMax + 1), "“明确措施”不能超过4000个字"),
            ("Input.Title", " ", "请填写整改事项"),
        };
        foreach (var (field, value, error) in bad)
        {
            var response = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { [field] = value });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, field);
            (await response.ParseAsync()).ErrorsText().ShouldContain(error, Case.Sensitive, field);
        }

        (await app.WithDbAsync(db => db.RectificationItems.CountAsync())).ShouldBe(before);
        var form = await office.GetDocumentAsync(url);
        form.QuerySelector("input[name='Input.Title']")!.GetAttribute("maxlength").ShouldBe("200", "the length comes from the entity, once");
        form.QuerySelector("textarea[name='Input.Goal']")!.GetAttribute("maxlength").ShouldBe("2000");
        form.QuerySelector("input[name=Title]").ShouldBeNull("the form posts one Input record");
        var longTerm = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.Title"] = "长期坚持的事项", ["Input.Horizon"] = "LongTerm", ["Input.DueOn"] = end.AddDays(30).ToString("yyyy-MM-dd"), ["Input.IsPublic"] = "false" });
        longTerm.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await longTerm.ParseAsync()).ErrorsText());

        var made = await office.PostFormAsync(url, fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var item = Guid.Parse(made.Headers.Location!.OriginalString.Split("id=")[1]);
        var taskFields = new Dictionary<string, string>(fields) { ["Input.Goal"] = "", ["Input.Measures"] = "", ["Input.IsPublic"] = "false", ["Input.Commitment"] = "" };
        var first = await office.PostFormAsync($"/Rectification/Edit?campaignId={campaign}&parentId={item}", new Dictionary<string, string>(taskFields) { ["Input.Title"] = "建立评审专家库", ["Input.Weight"] = "3" });
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await first.ParseAsync()).ErrorsText());
        var task = Guid.Parse(first.Headers.Location!.OriginalString.Split("id=")[1]);
        var second = await office.PostFormAsync($"/Rectification/Edit?campaignId={campaign}&parentId={item}", new Dictionary<string, string>(taskFields) { ["Input.Title"] = "评审结果公示", ["Input.Weight"] = "1" });
        var other = Guid.Parse(second.Headers.Location!.OriginalString.Split("id=")[1]);

        // The parent takes no reports of its own; a member of the responsible department reports on a task.
        var member = await app.SignedInClientAsync("member");
        (await member.PostFormAsync($"/Rectification/Item?id={task}", new Dictionary<string, string> { ["percent"] = "150", ["narrative"] = "x" }, "handler=Report")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetDocumentAsync($"/Rectification/Item?id={task}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("0%到100%");
        await member.PostMultipartAsync($"/Rectification/Item?id={task}", new Dictionary<string, string> { ["percent"] = "100", ["narrative"] = "专家库已建立，入库专家120名。" },
            [("evidence", "专家库名单.txt", "专家库名单：共120名"u8.ToArray())], "handler=Report");
        await member.PostFormAsync($"/Rectification/Item?id={other}", new Dictionary<string, string> { ["percent"] = "50", ["narrative"] = "起草公示办法。" }, "handler=Report");
        (await member.PostFormAsync($"/Rectification/Item?id={other}", new Dictionary<string, string> { ["percent"] = "20", ["narrative"] = "退回重写。" }, "handler=Report")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetDocumentAsync($"/Rectification/Item?id={other}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("说明原因");
        (await app.WithDbAsync(db => db.RectificationItems.Where(i => i.Id == item).Select(i => i.Progress).SingleAsync())).ShouldBe(87, "(100×3 + 50×1) ÷ 4");
        (await app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerType == EvidenceFileRule.Owner))).ShouldBe(1);
        (await member.GetDocumentAsync($"/Rectification/Item?id={item}")).QuerySelector("form[action*=Report]").ShouldBeNull();
        var approval = await IdAsync("简化科技项目审批流程");
        (await member.PostHandlerAsync($"/Rectification/Item?id={approval}", "Report", new Dictionary<string, string> { ["percent"] = "100", ["narrative"] = "x" })).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        (await member.GetAsync(new Uri($"/Rectification/Edit?id={item}", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");

        // Closing: not by the owner's department, not without evidence, then by the supervision group.
        var supervisor = await app.SignedInClientAsync("supervisor");
        (await supervisor.PostFormAsync($"/Rectification/Item?id={other}", new Dictionary<string, string> { ["note"] = "同意" }, "handler=Close")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await supervisor.GetDocumentAsync($"/Rectification/Item?id={other}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("尚未完成");
        (await supervisor.PostFormAsync($"/Rectification/Item?id={task}", new Dictionary<string, string> { ["note"] = "审看专家库名单，同意销号。" }, "handler=Close")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.RectificationItems.Where(i => i.Id == task).Select(i => i.Status).SingleAsync())).ShouldBe(ItemStatus.Closed);
        (await supervisor.PostFormAsync($"/Rectification/Item?id={item}", new Dictionary<string, string> { ["note"] = "同意" }, "handler=Close")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await supervisor.GetDocumentAsync($"/Rectification/Item?id={item}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("分解任务");

        var finished = await IdAsync("简化科技项目审批流程");
        (await app.WithDbAsync(db => db.RectificationItems.Where(i => i.Id == finished).Select(i => i.Status).SingleAsync())).ShouldBe(ItemStatus.AwaitingVerification);
        (await supervisor.PostFormAsync($"/Rectification/Item?id={finished}", new Dictionary<string, string> { ["note"] = "同意" }, "handler=Close")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await supervisor.GetDocumentAsync($"/Rectification/Item?id={finished}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("佐证材料");

        // The office sits in 办公室: it cannot close 办公室's own items.
        var officeItem = await app.WithDbAsync(db => db.RectificationItems.Where(i => i.DepartmentId == units["办公室"] && i.Status == ItemStatus.Closed).Select(i => i.Id).FirstAsync());
        (await office.PostFormAsync($"/Rectification/Item?id={officeItem}", new Dictionary<string, string> { ["note"] = "整改不彻底，接待清单未公开。" }, "handler=Reopen")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.RectificationItems.Where(i => i.Id == officeItem).Select(i => i.Status).SingleAsync())).ShouldNotBe(ItemStatus.Closed);
        (await app.WithDbAsync(db => db.ItemEvents.CountAsync(e => e.ItemId == officeItem && !e.Closed))).ShouldBe(1);
        (await office.PostFormAsync($"/Rectification/Item?id={officeItem}", new Dictionary<string, string> { ["note"] = "同意" }, "handler=Close")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetDocumentAsync($"/Rectification/Item?id={officeItem}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("不能自己给自己销号");
    }
}
