using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Campaigns;

public sealed class CampaignFlowTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task DemoCampaignRunsInItsThirdPhaseWithOverdueMilestonesAndEveryonesToDos()
    {
        var office = await app.SignedInClientAsync("office");
        var id = await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());

        var page = await office.GetDocumentAsync($"/Campaigns/Details?id={id}");

        page.QuerySelector("[data-testid=phase-1] .dj-badge")!.TextContent.ShouldBe("已完成");
        page.QuerySelector("[data-testid=phase-2] .dj-badge")!.TextContent.ShouldBe("已完成", "the second phase's summary was approved");
        page.QuerySelector("[data-testid=phase-3] .dj-badge")!.TextContent.ShouldBe("进行中");
        page.QuerySelector("[data-testid=overdue]")!.TextContent.ShouldContain("开展谈心谈话");
        page.QuerySelectorAll("[data-testid=milestones] tr.table-danger").Length.ShouldBeGreaterThanOrEqualTo(2);

        var leaderHome = await (await app.SignedInClientAsync("leader")).GetDocumentAsync("/");
        leaderHome.QuerySelector("#todo-title")!.ParentElement!.ParentElement!.TextContent.ShouldContain("开展谈心谈话");
        var supervisorHome = await (await app.SignedInClientAsync("supervisor")).GetDocumentAsync("/");
        supervisorHome.Body!.TextContent.ShouldContain("审核：局党组中心组学习计划");
        var officeHome = await office.GetDocumentAsync("/");
        officeHome.Body!.TextContent.ShouldContain("按意见修改：专题民主生活会主持讲话稿");
    }

    [DbFact]
    public async Task OfficeRunsTheTemplateCampaignThroughReturnRevisionApprovalAndPhaseGating()
    {
        var office = await app.SignedInClientAsync("office");
        var bureau = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var created = await office.PostFormAsync("/Campaigns/Create", new Dictionary<string, string>
        {
            ["Input.TemplateKey"] = "mass-line", ["Input.Title"] = "测试群众路线活动", ["Input.ScopeUnitId"] = bureau.ToString(), ["Input.StartsOn"] = today.ToString("yyyy-MM-dd"),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await created.ParseAsync()).ErrorsText());
        var id = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "测试群众路线活动").Select(c => c.Id).SingleAsync());
        (await app.WithDbAsync(db => db.Phases.CountAsync(p => p.CampaignId == id))).ShouldBe(3);
        (await app.WithDbAsync(db => db.Milestones.CountAsync(m => m.CampaignId == id))).ShouldBe(19);

        var zhou = await PersonAsync("周海涛");
        await office.PostFormAsync($"/Campaigns/Details?id={id}", new Dictionary<string, string> { ["personId"] = zhou.ToString(), ["group"] = "Supervision", ["title"] = "组长" }, action: "handler=AddMember");
        await office.PostFormAsync($"/Campaigns/Details?id={id}", new Dictionary<string, string>(), action: "handler=Start");
        var phases = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == id).OrderBy(p => p.Order).Select(p => new { p.Id, p.Status }).ToListAsync());
        phases[0].Status.ShouldBe(PhaseStatus.InProgress);

        var details = await office.GetDocumentAsync($"/Campaigns/Details?id={id}");
        details.QuerySelector($"form[action*='phaseId={phases[1].Id}']").ShouldBeNull("the page offers no 开启本阶段 before the previous summary is approved");
        using (var forced = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = details.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! }))
        {
            (await office.PostAsync(new Uri($"/Campaigns/Details?id={id}&handler=OpenPhase&phaseId={phases[1].Id}", UriKind.Relative), forced)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await office.GetDocumentAsync($"/Campaigns/Details?id={id}")).QuerySelector("[data-testid=flash]")!.TextContent.ShouldContain("审核通过后");

        var plan = await app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.CampaignId == id && d.Kind == DocumentKind.ImplementationPlan).Select(d => d.Id).SingleAsync());
        await SubmitAsync(office, plan, "实施方案第一稿");
        var supervisor = await app.SignedInClientAsync("supervisor");
        var noComment = await DecideAsync(supervisor, plan, "Return", "");
        (await noComment.ParseAsync()).ErrorsText().ShouldContain("请填写修改意见");
        var officeApproves = await DecideAsync(office, plan, "Approve", "");
        officeApproves.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DecideAsync(supervisor, plan, "Return", "请补充时间安排。")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(plan)).ShouldBe(DocumentStatus.Returned);
        await SubmitAsync(office, plan, "实施方案第二稿\n时间安排见附表。");
        var page = await supervisor.GetDocumentAsync($"/Campaigns/Document?id={plan}");
        page.QuerySelector("[data-testid=changes]")!.TextContent.ShouldContain("时间安排见附表");
        (await DecideAsync(supervisor, plan, "Approve", "同意。")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(plan)).ShouldBe(DocumentStatus.Approved);
        (await office.GetDocumentAsync($"/Campaigns/Document?id={plan}")).QuerySelector("textarea#Body").ShouldBeNull("an approved document offers no editor");
        (await app.WithDbAsync(db => db.DocumentVersions.CountAsync(v => v.DocumentId == plan))).ShouldBe(2);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "approve" && e.ObjectId == plan.ToString()))).ShouldBe(2);

        var newSummary = await office.PostFormAsync($"/Campaigns/Details?id={id}", new Dictionary<string, string>(), action: $"kind=PhaseSummary&phaseId={phases[0].Id}");
        var summary = Guid.Parse(newSummary.Headers.Location!.OriginalString.Split("id=")[1]);
        await SubmitAsync(office, summary, "第一环节小结");
        (await app.WithDbAsync(db => db.Phases.Where(p => p.Id == phases[0].Id).Select(p => p.Status).SingleAsync())).ShouldBe(PhaseStatus.AwaitingReview);
        await DecideAsync(supervisor, summary, "Approve", "同意转段。");
        var after = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == id).OrderBy(p => p.Order).Select(p => p.Status).ToListAsync());
        after.ShouldBe([PhaseStatus.Completed, PhaseStatus.InProgress, PhaseStatus.NotStarted]);
    }

    [DbFact]
    public async Task TwoSupervisorsDecidingAtOnceCannotBothWin()
    {
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Dangjian.Web.Platform.Data.AppDbContext>();
            var service = scope.ServiceProvider.GetRequiredService<CampaignService>();
            var campaign = await db.Campaigns.Where(c => c.Title == "市科技局党的群众路线教育实践活动").Select(c => c.Id).SingleAsync();
            var officeUser = await db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync();
            var document = new ApprovalDocument { CampaignId = campaign, Kind = DocumentKind.Other, Title = "并发审核测试材料" };
            db.ApprovalDocuments.Add(document);
            await db.SaveChangesAsync();
            var office = new ApprovalRules.Actor(officeUser, true, false);
            (await service.SaveDraftAsync(document, "正文", office, "赵敏")).ShouldBeNull();
            (await service.SubmitAsync(document, office)).ShouldBeNull();
            id = document.Id;
        }

        var yuUser = await app.CreateUserAsync([Roles.Supervisor]);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == yuUser);
            user.PersonId = await db.People.Where(p => p.Name == "喻晓军").Select(p => p.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });
        var first = await app.SignedInClientAsync("supervisor");
        var second = app.CreateBrowserLikeClient();
        await second.SignInAsync(yuUser, "Passw0rd!x");
        var firstPage = await first.GetDocumentAsync($"/Campaigns/Document?id={id}");
        var secondPage = await second.GetDocumentAsync($"/Campaigns/Document?id={id}");

        var one = await PostDecisionAsync(first, firstPage, id, "Approve", "同意。");
        var two = await PostDecisionAsync(second, secondPage, id, "Return", "再改改。");

        one.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        two.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await two.ParseAsync()).ErrorsText().ShouldMatch("(已由他人处理|不在待审核状态)");
        (await StatusAsync(id)).ShouldBe(DocumentStatus.Approved);
    }

    [DbFact]
    public async Task BadPhaseWindowsAndPastDeadlinesAreRefused()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "市科技局党的群众路线教育实践活动").Select(c => new { c.Id, c.StartsOn, c.EndsOn }).SingleAsync());
        var phase = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == campaign.Id && p.Order == 2).Select(p => new { p.Id, p.Name }).SingleAsync());

        var outside = await office.PostFormAsync($"/Campaigns/Phase?id={phase.Id}", new Dictionary<string, string>
        {
            ["Input.Name"] = phase.Name, ["Input.StartsOn"] = campaign.StartsOn.AddDays(45).ToString("yyyy-MM-dd"), ["Input.EndsOn"] = campaign.EndsOn.AddDays(10).ToString("yyyy-MM-dd"),
        });
        var overlapping = await office.PostFormAsync($"/Campaigns/Phase?id={phase.Id}", new Dictionary<string, string>
        {
            ["Input.Name"] = phase.Name, ["Input.StartsOn"] = campaign.StartsOn.AddDays(30).ToString("yyyy-MM-dd"), ["Input.EndsOn"] = campaign.StartsOn.AddDays(80).ToString("yyyy-MM-dd"),
        });
        var past = await office.PostFormAsync($"/Campaigns/Milestone?campaignId={campaign.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "补开座谈会", ["Input.PhaseId"] = phase.Id.ToString(), ["Input.Deadline"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"), ["Input.RequiredCount"] = "0",
        });

        (await outside.ParseAsync()).ErrorsText().ShouldContain("活动期间");
        (await overlapping.ParseAsync()).ErrorsText().ShouldContain("时间重叠");
        (await past.ParseAsync()).ErrorsText().ShouldContain("不能早于今天");
        (await past.ParseAsync()).ErrorsText().ShouldContain("要求次数须在1到1000之间");
        (await app.WithDbAsync(db => db.Milestones.AnyAsync(m => m.Title == "补开座谈会"))).ShouldBeFalse();
    }

    [DbFact]
    public async Task RemindersAreSentExactlyOnceEvenWithTwoRunnersAtOnce()
    {
        await using var one = app.Services.CreateAsyncScope();
        await using var two = app.Services.CreateAsyncScope();
        var first = one.ServiceProvider.GetRequiredService<ReminderRunner>();
        var second = two.ServiceProvider.GetRequiredService<ReminderRunner>();

        var sent = await Task.WhenAll(first.RunOnceAsync(), second.RunOnceAsync());
        await using var three = app.Services.CreateAsyncScope();
        var again = await three.ServiceProvider.GetRequiredService<ReminderRunner>().RunOnceAsync();

        var keys = await app.WithDbAsync(db => db.ReminderLogs.Select(r => r.Key).ToListAsync());
        sent.Sum().ShouldBe(keys.Count);
        keys.Count.ShouldBeGreaterThan(0);
        keys.ShouldContain(k => k.Contains(":overdue:", StringComparison.Ordinal));
        again.ShouldBe(0);
        var leader = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync());
        var leaderNotes = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == leader && n.Title.StartsWith("逾期：开展谈心谈话")).CountAsync());
        leaderNotes.ShouldBe(1);
        var bell = await (await app.SignedInClientAsync("leader")).GetDocumentAsync("/");
        bell.QuerySelector("[data-testid=unread]").ShouldNotBeNull();
    }

    [DbFact]
    public async Task PeopleOutsideTheCampaignsScopeCannotSeeIt()
    {
        var id = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "市科技局党的群众路线教育实践活动").Select(c => c.Id).SingleAsync());
        var stranger = await app.CreateUserAsync([Roles.Member]);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == stranger);
            user.PersonId = await db.People.Where(p => p.Name == "柏玉").Select(p => p.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(stranger, "Passw0rd!x");

        (await client.GetAsync(new Uri($"/Campaigns/Details?id={id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetDocumentAsync("/Campaigns")).QuerySelector("[data-testid=empty]").ShouldNotBeNull();
        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri($"/Campaigns/Details?id={id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await member.GetDocumentAsync($"/Campaigns/Details?id={id}");
        page.QuerySelector("form[action*='handler=Milestone']").ShouldBeNull("members see the campaign but get no editing controls");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! });
        (await member.PostAsync(new Uri($"/Campaigns/Details?id={id}&handler=Start", UriKind.Relative), content)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<Guid> PersonAsync(string name) => app.WithDbAsync(db => db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    private Task<DocumentStatus> StatusAsync(Guid id) => app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());

    private static async Task SubmitAsync(HttpClient office, Guid document, string body)
    {
        var page = await office.GetDocumentAsync($"/Campaigns/Document?id={document}");
        var token = page.QuerySelector("textarea#Body")!.Closest("form")!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = body, ["__RequestVerificationToken"] = token });
        var response = await office.PostAsync(new Uri($"/Campaigns/Document?id={document}&handler=Submit", UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await response.ParseAsync()).ErrorsText());
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid document, string handler, string comment) =>
        await PostDecisionAsync(client, await client.GetDocumentAsync($"/Campaigns/Document?id={document}"), document, handler, comment);

    private static async Task<HttpResponseMessage> PostDecisionAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, Guid document, string handler, string comment)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var loaded = page.QuerySelector("input[name=LoadedVersion]")?.GetAttribute("value") ?? Guid.Empty.ToString();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Comment"] = comment, ["LoadedVersion"] = loaded, ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri($"/Campaigns/Document?id={document}&handler={handler}", UriKind.Relative), content);
    }
}
