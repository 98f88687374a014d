using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Meetings;

public sealed class LifeMeetingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> CampaignAsync() => app.WithDbAsync(db => db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync());

    private Task<Dictionary<string, Guid>> PeopleAsync() => app.WithDbAsync(db => db.People.ToDictionaryAsync(p => p.Name, p => p.Id));

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));

    [DbFact]
    public async Task TheDemoMeetingsAreReadByThoseWhoMayAndCounted()
    {
        var campaign = await CampaignAsync();
        var office = await app.SignedInClientAsync("office");
        var list = await office.GetDocumentAsync($"/Meetings?campaignId={campaign}");
        var rows = list.QuerySelectorAll("[data-testid=meetings] li");
        rows.Length.ShouldBe(3);
        var life = rows.First(r => r.TextContent.Contains("专题民主生活会") && r.TextContent.Contains("民主生活会") && !r.TextContent.Contains("通报会"));
        life.TextContent.ShouldContain("应到5人，实到4人");
        life.TextContent.ShouldContain("已报送");
        life.TextContent.ShouldContain("已通报");

        var lifeId = await app.WithDbAsync(db => db.LifeMeetings.Where(m => m.Kind == MeetingKind.DemocraticLife).Select(m => m.Id).SingleAsync());
        var branchId = await app.WithDbAsync(db => db.LifeMeetings.Where(m => m.Kind == MeetingKind.OrganizationLife).Select(m => m.Id).SingleAsync());
        var details = await office.GetDocumentAsync($"/Meetings/Details?id={lifeId}");
        details.QuerySelector("[data-testid=criticisms]")!.TextContent.ShouldContain("王建国 对 李红梅");
        details.QuerySelector("[data-testid=criticisms]")!.TextContent.ShouldContain("王建国（自我批评）");

        // Criticism is not for everyone: a member sees the branch meeting he attended, not the team's.
        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri($"/Meetings/Details?id={lifeId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var branch = await member.GetDocumentAsync($"/Meetings/Details?id={branchId}");
        branch.QuerySelector("[data-testid=grade-tally]")!.TextContent.ShouldContain("基本合格1人");
        branch.QuerySelector("form[action*=Grades]").ShouldBeNull();
        (await member.PostHandlerAsync($"/Meetings/Details?id={branchId}", "Criticism", new Dictionary<string, string> { ["text"] = "x" })).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        var supervisor = await app.SignedInClientAsync("supervisor");
        (await supervisor.GetAsync(new Uri($"/Meetings/Details?id={lifeId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var api = await office.GetFromJsonAsync<List<MeetingsApi.MeetingDto>>($"/api/v1/meetings?campaignId={campaign}");
        var team = api!.Single(m => m.Id == lifeId);
        (team.Expected, team.Present, team.Criticisms, team.SelfCriticisms).ShouldBe((5, 4, 2, 2));
        api!.Single(m => m.Id == branchId).MemberGrades["基本合格"].ShouldBe(1);
        (await office.GetStringAsync(new Uri($"/api/v1/meetings?campaignId={campaign}", UriKind.Relative))).ShouldNotContain("希望带头精简", Case.Sensitive, "words of criticism stay on the page");
        var inspections = await office.GetFromJsonAsync<List<MeetingsApi.SelfInspectionDto>>($"/api/v1/self-inspections?campaignId={campaign}");
        inspections!.Single(s => s.PersonId is null).ShouldSatisfyAllConditions(s => s.Status.ShouldBe("Approved"), s => s.Failed.ShouldBe(1), s => s.Versions.ShouldBe(2));
        (await office.GetAsync(new Uri($"/api/v1/meetings?campaignId={Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task TheOfficeRecordsAMeetingItsCriticismReportAndBriefing()
    {
        var campaign = await CampaignAsync();
        var people = await PeopleAsync();
        var units = await app.WithDbAsync(db => db.OrgUnits.ToDictionaryAsync(u => u.Name, u => u.Id));
        var office = await app.SignedInClientAsync("office");
        var url = $"/Meetings/Edit?campaignId={campaign}&kind=DemocraticLife";
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "第二次专题民主生活会", ["Input.HeldOn"] = Today.ToString("yyyy-MM-dd"), ["Input.HostPersonId"] = people["王建国"].ToString(), ["Input.OrgUnitId"] = units["市科技局"].ToString(),
        };
        var before = await app.WithDbAsync(db => db.LifeMeetings.CountAsync());
        (await (await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.HeldOn"] = Today.AddDays(1).ToString("yyyy-MM-dd") })).ParseAsync()).ErrorsText().ShouldContain("不晚于今天");
        (await (await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.HostPersonId"] = people["孙磊"].ToString() })).ParseAsync()).ErrorsText().ShouldContain("主持人");
        (await (await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.Title"] = "" })).ParseAsync()).ErrorsText().ShouldContain("会议名称");
        (await app.WithDbAsync(db => db.LifeMeetings.CountAsync())).ShouldBe(before);

        var made = await office.PostFormAsync(url, fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var id = Guid.Parse(made.Headers.Location!.OriginalString.Split("id=")[1]);
        (await app.WithDbAsync(db => db.MeetingAttendees.CountAsync(a => a.MeetingId == id))).ShouldBe(5, "the five team members are expected");

        var page = $"/Meetings/Details?id={id}";
        await office.PostFormAsync(page, new Dictionary<string, string> { ["personId"] = people["陈立新"].ToString(), ["reason"] = "病假" }, "handler=Absence");
        (await office.PostFormAsync(page, new Dictionary<string, string> { ["fromId"] = people["陈立新"].ToString(), ["text"] = "缺席者不能发言" }, "handler=Criticism")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetDocumentAsync(page)).QuerySelector(".alert-danger")!.TextContent.ShouldContain("出席人员");
        await office.PostFormAsync(page, new Dictionary<string, string> { ["fromId"] = people["张志强"].ToString(), ["toId"] = people["张志强"].ToString(), ["text"] = "x" }, "handler=Criticism");
        (await office.GetDocumentAsync(page)).QuerySelector(".alert-danger")!.TextContent.ShouldContain("另一位出席人员");
        await office.PostFormAsync(page, new Dictionary<string, string> { ["fromId"] = people["张志强"].ToString(), ["toId"] = people["王建国"].ToString(), ["text"] = "希望主要负责同志多听不同意见。" }, "handler=Criticism");
        await office.PostFormAsync(page, new Dictionary<string, string> { ["fromId"] = people["张志强"].ToString(), ["text"] = "本人调研不深入。" }, "handler=Criticism");
        var criticisms = await app.WithDbAsync(db => db.Criticisms.Where(c => c.MeetingId == id).ToListAsync());
        criticisms.Count.ShouldBe(2);
        criticisms.Count(c => c.ToPersonId is null).ShouldBe(1);

        await office.PostFormAsync(page, new Dictionary<string, string> { ["reportedOn"] = Today.AddDays(-3).ToString("yyyy-MM-dd"), ["report"] = "x" }, "handler=Report");
        (await office.GetDocumentAsync(page)).QuerySelector(".alert-danger")!.TextContent.ShouldContain("不早于会议日期");
        await office.PostFormAsync(page, new Dictionary<string, string> { ["reportedOn"] = Today.ToString("yyyy-MM-dd"), ["report"] = "已报市委督导组。" }, "handler=Report");
        (await office.GetDocumentAsync(page)).QuerySelector("[data-testid=reported]").ShouldNotBeNull();

        var briefingUrl = $"/Meetings/Edit?campaignId={campaign}&kind=Briefing&followsId={id}";
        var briefing = await office.PostFormAsync(briefingUrl, new Dictionary<string, string>(fields) { ["Input.Title"] = "通报会", ["Input.FollowsId"] = id.ToString() });
        briefing.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await briefing.ParseAsync()).ErrorsText());
        (await office.GetDocumentAsync(page)).QuerySelector("[data-testid=no-briefing]").ShouldBeNull();
        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri(briefingUrl, UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }

    [DbFact]
    public async Task MemberAppraisalTakesOnlyTheBranchMembersPresent()
    {
        var people = await PeopleAsync();
        var branchId = await app.WithDbAsync(db => db.LifeMeetings.Where(m => m.Kind == MeetingKind.OrganizationLife).Select(m => m.Id).SingleAsync());
        var office = await app.SignedInClientAsync("office");
        var page = $"/Meetings/Details?id={branchId}";
        await office.PostFormAsync(page, new Dictionary<string, string> { [$"grades[{people["沈佳"]}]"] = "Excellent" }, "handler=Grades");
        (await office.GetDocumentAsync(page)).QuerySelector(".alert-danger")!.TextContent.ShouldContain("只能评议本次参会的党员");
        await office.PostFormAsync(page, new Dictionary<string, string> { [$"grades[{people["孙磊"]}]"] = "Unqualified" }, "handler=Grades");
        (await app.WithDbAsync(db => db.MemberAppraisals.Where(a => a.MeetingId == branchId && a.PersonId == people["孙磊"]).Select(a => a.Grade).SingleAsync())).ShouldBe(MemberGrade.Unqualified);
        (await office.GetDocumentAsync(page)).QuerySelector("[data-testid=grade-tally]")!.TextContent.ShouldContain("不合格1人");
    }
}
