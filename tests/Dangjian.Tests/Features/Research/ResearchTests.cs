using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Research;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Research;

/// <summary>
/// 调研 and 载体: topics with their groups, visits and reports, standing activities with their outings — recorded by
/// those who run the campaign, refused to others and on bad input (nothing half-saved), counted as a summary quotes them.
/// </summary>
public sealed class ResearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Visit(DateOnly day, string place, string? district = null, VisitTarget target = VisitTarget.Enterprise, int units = 1, int people = 0) => new()
    {
        ["Visit.VisitedOn"] = day.ToString("yyyy-MM-dd"), ["Visit.Target"] = target.ToString(), ["Visit.Place"] = place, ["Visit.District"] = district ?? "",
        ["Visit.Units"] = units.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Visit.People"] = people.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Visit.Summary"] = "",
    };

    [DbFact]
    public async Task TheOfficeRecordsATopicItsVisitsAndItsReportAndTheFiguresCountThem()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.SingleAsync());
        var leader = await app.WithDbAsync(db => db.People.Where(p => p.Name == "陈立新").Select(p => p.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.ResearchTopics.CountAsync());

        var blank = await office.PostFormAsync($"/Research/TopicEdit?campaignId={campaign.Id}", new Dictionary<string, string> { ["Input.Title"] = " ", ["Input.ReportOn"] = app.Today.ToString("yyyy-MM-dd") });
        var errors = (await blank.ParseAsync()).ErrorsText();
        errors.ShouldContain("请填写调研课题");
        errors.ShouldContain("请写明调研报告的题目");
        var future = await office.PostFormAsync($"/Research/TopicEdit?campaignId={campaign.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "未来的课题", ["Input.ReportTitle"] = "报告", ["Input.ReportOn"] = app.Today.AddDays(1).ToString("yyyy-MM-dd"),
        });
        (await future.ParseAsync()).ErrorsText().ShouldContain("不晚于今天");
        (await app.WithDbAsync(db => db.ResearchTopics.CountAsync())).ShouldBe(before, "nothing saved from a refused form");

        var saved = await office.PostFormAsync($"/Research/TopicEdit?campaignId={campaign.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "科技成果转化调研", ["Input.GroupName"] = "第四调研组", ["Input.LeaderId"] = leader.ToString(), ["Input.Members"] = "吴国平、郑丽",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await saved.ParseAsync()).ErrorsText());
        var topic = await app.WithDbAsync(db => db.ResearchTopics.SingleAsync(t => t.Title == "科技成果转化调研"));
        topic.LeaderId.ShouldBe(leader);
        var url = $"/Research/Topic?id={topic.Id}";

        var tomorrow = await office.PostFormAsync(url, Visit(app.Today.AddDays(1), "青龙县"), "handler=Visit");
        (await tomorrow.ParseAsync()).ErrorsText().ShouldContain("不晚于今天");
        var noPlace = await office.PostFormAsync(url, Visit(app.Today, ""), "handler=Visit");
        (await noPlace.ParseAsync()).ErrorsText().ShouldContain("请填写走访的地点或单位");
        var noUnits = await office.PostFormAsync(url, Visit(app.Today, "某企业", units: 0), "handler=Visit");
        (await noUnits.ParseAsync()).ErrorsText().ShouldContain("单位数须为1到10000之间的整数");
        (await app.WithDbAsync(db => db.Visits.CountAsync(v => v.TopicId == topic.Id))).ShouldBe(0);

        // Entered later with the real dates (补录), two 县区 one of them twice, 21 enterprises and a university.
        (await office.PostFormAsync(url, Visit(campaign.StartsOn.AddDays(2), "青龙县企业", "青龙县", units: 20, people: 30), "handler=Visit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.PostFormAsync(url, Visit(app.Today.AddDays(-3), "青龙县科技局", "青龙县", VisitTarget.District, people: 5), "handler=Visit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.PostFormAsync(url, Visit(app.Today, "东北大学秦皇岛分校", "经济技术开发区", VisitTarget.University, people: 8), "handler=Visit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await office.GetDocumentAsync(url);
        page.QuerySelectorAll("[data-testid=visits] li").Length.ShouldBe(3);
        page.QuerySelector("[data-testid=visit-totals]")!.TextContent.ShouldContain("共3次，走访单位22个，涉及43人");

        var figures = await app.WithScopeAsync(sp => sp.GetRequiredService<ResearchFigures>().ForCampaignAsync(campaign.Id));
        var demo = (Topics: 3, Groups: 3, Districts: 4, Enterprises: 11, Universities: 1);
        figures.Topics.ShouldBe(demo.Topics + 1);
        figures.Groups.ShouldBe(demo.Groups + 1);
        figures.Districts.ShouldBe(demo.Districts + 2, "青龙县 and 经济技术开发区; 青龙县 counted once");
        figures.UnitsByTarget.Single(u => u.Target == VisitTarget.Enterprise).Units.ShouldBe(demo.Enterprises + 20);
        figures.UnitsByTarget.Single(u => u.Target == VisitTarget.University).Units.ShouldBe(demo.Universities + 1);
        figures.ReportCount.ShouldBe(2, "the new topic has no report yet");

        // The phase summary counts only the visits inside the phase.
        var early = await app.WithScopeAsync(sp => sp.GetRequiredService<ResearchFigures>().ForCampaignAsync(campaign.Id, campaign.StartsOn, campaign.StartsOn.AddDays(5)));
        early.UnitsByTarget.Single(u => u.Target == VisitTarget.Enterprise).Units.ShouldBe(20);
        early.Topics.ShouldBe(1);

        // The report comes in; the index shows it; a visit is deleted; the topic is deleted with its visits.
        var edit = await office.PostFormAsync($"/Research/TopicEdit?id={topic.Id}", new Dictionary<string, string>
        {
            ["Input.Version"] = topic.Version.ToString(), ["Input.Title"] = topic.Title, ["Input.GroupName"] = "第四调研组", ["Input.ReportTitle"] = "关于加快科技成果转化的调研报告",
            ["Input.ReportOn"] = app.Today.ToString("yyyy-MM-dd"), ["Input.SharedOn"] = app.Today.ToString("yyyy-MM-dd"),
        });
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await edit.ParseAsync()).ErrorsText());
        var stale = await office.PostFormAsync($"/Research/TopicEdit?id={topic.Id}", new Dictionary<string, string> { ["Input.Version"] = topic.Version.ToString(), ["Input.Title"] = "旧版本的修改" });
        (await stale.ParseAsync()).ErrorsText().ShouldContain("已被他人修改");
        var index = await office.GetDocumentAsync($"/Research?campaignId={campaign.Id}");
        index.QuerySelector("[data-testid=reports]")!.TextContent.Trim().ShouldBe("3");
        index.QuerySelector("[data-testid=topics-table]")!.TextContent.ShouldContain("关于加快科技成果转化的调研报告");

        var visit = await app.WithDbAsync(db => db.Visits.Where(v => v.TopicId == topic.Id).OrderBy(v => v.VisitedOn).FirstAsync());
        (await office.PostHandlerAsync(url, "DeleteVisit", new Dictionary<string, string> { ["visitId"] = visit.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Visits.CountAsync(v => v.TopicId == topic.Id))).ShouldBe(2);
        (await office.PostHandlerAsync(url, "Delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ResearchTopics.AnyAsync(t => t.Id == topic.Id))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Visits.AnyAsync(v => v.TopicId == topic.Id))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ObjectType == nameof(ResearchTopic) && a.ObjectId == topic.Id.ToString() && a.Action == "delete"))).ShouldBeTrue();
    }

    [DbFact]
    public async Task AStandingActivityTakesItsOutingsAndRefusesBadDates()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.SingleAsync());
        Dictionary<string, string> Fields(OutreachKind kind, string title, DateOnly starts, DateOnly? ends) => new()
        {
            ["Input.Kind"] = kind.ToString(), ["Input.Title"] = title, ["Input.Counterpart"] = "青龙县科技局",
            ["Input.StartsOn"] = starts.ToString("yyyy-MM-dd"), ["Input.EndsOn"] = ends?.ToString("yyyy-MM-dd") ?? "",
        };

        var backwards = await office.PostFormAsync($"/Research/ActivityEdit?campaignId={campaign.Id}", Fields(OutreachKind.Volunteering, "倒序的活动", app.Today.AddDays(-2), app.Today.AddDays(-5)));
        (await backwards.ParseAsync()).ErrorsText().ShouldContain("结束日期不能早于开始日期");
        var before = await office.PostFormAsync($"/Research/ActivityEdit?campaignId={campaign.Id}", Fields(OutreachKind.Volunteering, "活动前的志愿服务", campaign.StartsOn.AddDays(-1), null));
        (await before.ParseAsync()).ErrorsText().ShouldContain("开始日期须在活动期间内");
        var unknown = await office.PostFormAsync($"/Research/ActivityEdit?campaignId={campaign.Id}", new Dictionary<string, string>(Fields(OutreachKind.Volunteering, "未知类别", app.Today, null)) { ["Input.Kind"] = "77" });
        (await unknown.ParseAsync()).ErrorsText().ShouldContain("无效");
        (await app.WithDbAsync(db => db.OutreachActivities.AnyAsync(a => a.Title == "倒序的活动" || a.Title == "活动前的志愿服务" || a.Title == "未知类别"))).ShouldBeFalse();

        var saved = await office.PostFormAsync($"/Research/ActivityEdit?campaignId={campaign.Id}", Fields(OutreachKind.Volunteering, "“学雷锋”志愿服务", campaign.StartsOn.AddDays(3), null));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await saved.ParseAsync()).ErrorsText());
        var activity = await app.WithDbAsync(db => db.OutreachActivities.SingleAsync(a => a.Title == "“学雷锋”志愿服务"));
        var url = $"/Research/Activity?id={activity.Id}";
        (await office.PostFormAsync(url, Visit(campaign.StartsOn.AddDays(3), "火车站广场", target: VisitTarget.Other, people: 15), "handler=Visit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.PostFormAsync(url, Visit(app.Today, "社区养老院", target: VisitTarget.Village, people: 12), "handler=Visit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var figures = await app.WithScopeAsync(sp => sp.GetRequiredService<ResearchFigures>().ForCampaignAsync(campaign.Id));
        var volunteering = figures.Outreach.Single(k => k.Kind == OutreachKind.Volunteering);
        (volunteering.Activities, volunteering.Outings, volunteering.People).ShouldBe((1, 2, 27));
        figures.Outreach.Single(k => k.Kind == OutreachKind.ContactPoint).Activities.ShouldBe(2, "the demo's two leaders' contact points");

        var list = await office.GetDocumentAsync($"/Research?campaignId={campaign.Id}&view=outreach&kind=Volunteering");
        list.QuerySelectorAll("[data-testid=activities] li").Length.ShouldBe(1);
        list.QuerySelector("[data-testid=activities]")!.TextContent.ShouldContain("开展2次");

        (await office.PostHandlerAsync(url, "Delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Visits.AnyAsync(v => v.ActivityId == activity.Id))).ShouldBeFalse();
    }

    [DbFact]
    public async Task OnlyThoseWhoRunTheCampaignRecordAndOthersReadOrAreRefused()
    {
        var campaign = await app.WithDbAsync(db => db.Campaigns.SingleAsync());
        var topic = await app.WithDbAsync(db => db.ResearchTopics.OrderBy(t => t.Title).FirstAsync());
        var count = await app.WithDbAsync(db => db.Visits.CountAsync());

        var member = await app.SignedInClientAsync("member");
        var page = await member.GetDocumentAsync($"/Research/Topic?id={topic.Id}");
        page.QuerySelector("#add-visit").ShouldBeNull("a member reads but does not record");
        page.QuerySelectorAll("[data-testid=visits] li").Length.ShouldBeGreaterThan(0);
        var forged = await member.PostHandlerAsync($"/Research/Topic?id={topic.Id}", "Visit", Visit(app.Today, "伪造的走访"));
        forged.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (forged.StatusCode == HttpStatusCode.Redirect)
        {
            forged.Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        }

        (await member.GetAsync(new Uri($"/Research/TopicEdit?campaignId={campaign.Id}", UriKind.Relative))).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var supervisor = await app.SignedInClientAsync("supervisor");
        (await supervisor.PostHandlerAsync($"/Research/Topic?id={topic.Id}", "Delete")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Visits.CountAsync())).ShouldBe(count);
        (await app.WithDbAsync(db => db.ResearchTopics.AnyAsync(t => t.Id == topic.Id))).ShouldBeTrue();

        var office = await app.SignedInClientAsync("office");
        (await office.GetAsync(new Uri($"/Research/Topic?id={Guid.CreateVersion7()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.GetAsync(new Uri($"/api/v1/research/figures?campaignId={Guid.CreateVersion7()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var api = await member.GetFromJsonAsync<Dangjian.Web.Features.Research.ResearchApi.FiguresDto>($"/api/v1/research/figures?campaignId={campaign.Id}");
        var figures = await app.WithScopeAsync(sp => sp.GetRequiredService<ResearchFigures>().ForCampaignAsync(campaign.Id));
        (api!.Groups, api.Topics, api.Districts, api.Reports).ShouldBe((figures.Groups, figures.Topics, figures.Districts, figures.ReportCount));
        api.UnitsVisited.Single(u => u.Target == "Enterprise").Units.ShouldBe(figures.UnitsByTarget.Single(u => u.Target == VisitTarget.Enterprise).Units);
        api.Outreach.Single(k => k.Kind == "ContactPoint").Label.ShouldBe("领导干部联系点");
    }
}

/// <summary>With a second campaign the selector shows; choosing another campaign keeps the tab (载体活动) the office was on.</summary>
public sealed class ResearchPickerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task ChoosingAnotherCampaignKeepsTheOutreachTab()
    {
        var other = await app.AddCampaignAsync("第二个活动");
        var office = await app.SignedInClientAsync("office");
        var page = await office.GetDocumentAsync($"/Research?campaignId={other}&view=outreach&kind=Volunteering");
        var picker = page.QuerySelectorAll("form").First(f => f.QuerySelector("select[name=campaignId]") is not null && !f.ClassList.Contains("dj-switcher"));
        picker.QuerySelector("input[name=view]")!.GetAttribute("value").ShouldBe("outreach");
        picker.QuerySelector("input[name=kind]").ShouldBeNull("a filter of one campaign's records is not carried to another");
        page.QuerySelector("[data-testid=no-activities]").ShouldNotBeNull("the new campaign has no activities yet");
    }
}
