using System.Globalization;
using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Campaigns;

/// <summary>
/// A new campaign's deadlines leave its first week free (also when entered with a start date in the past), and the
/// office shifts a phase's open deadlines at once: preview, confirmation, audit, and the refusals.
/// </summary>
public sealed class PhaseShiftTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void DeadlinesKeepTheFirstWeekFreeUnlessTheTemplateFixesTheDay()
    {
        var start = new DateOnly(2026, 3, 2);
        var earliest = CampaignTemplates.EarliestDeadline(start, start.AddDays(-10));
        earliest.ShouldBe(start.AddDays(7));
        CampaignTemplates.EarliestDeadline(start, start.AddDays(30)).ShouldBe(start.AddDays(37));

        CampaignTemplates.PlaceDeadline(start, start.AddDays(44), start.AddDays(149), 0, false, earliest).ShouldBe(start.AddDays(7));
        CampaignTemplates.PlaceDeadline(start, start.AddDays(44), start.AddDays(149), 0, true, earliest).ShouldBe(start);
        CampaignTemplates.PlaceDeadline(start, start.AddDays(44), start.AddDays(149), 20, false, earliest).ShouldBe(start.AddDays(20));
        CampaignTemplates.PlaceDeadline(start, start.AddDays(44), start.AddDays(149), 60, false, earliest).ShouldBe(start.AddDays(44));

        // A start date 60 days back: a phase already over sends its milestones to the earliest day, within the campaign.
        var late = CampaignTemplates.EarliestDeadline(start, start.AddDays(60));
        CampaignTemplates.PlaceDeadline(start, start.AddDays(44), start.AddDays(149), 10, false, late).ShouldBe(start.AddDays(67));
        CampaignTemplates.PlaceDeadline(start, start.AddDays(44), start.AddDays(63), 10, false, late).ShouldBe(start.AddDays(63));
    }

    [Fact]
    public void ShiftsOutsideTheCampaignOrIntoThePastAreRefused()
    {
        var start = new DateOnly(2026, 3, 2);
        var end = start.AddDays(149);
        CampaignRules.Move M(int from, int days) => new(Guid.NewGuid(), "节点", start.AddDays(from), start.AddDays(from + days));
        CampaignRules.CheckShift(5, start, start, end, [M(10, 5), M(140, 5)]).ShouldBeNull();
        CampaignRules.CheckShift(10, start, start, end, [M(10, 10), M(145, 10)])!.ShouldContain("超出活动期间");
        CampaignRules.CheckShift(-5, start.AddDays(8), start, end, [M(10, -5)])!.ShouldContain("早于今天");
        CampaignRules.CheckShift(0, start, start, end, [])!.ShouldContain("不能为0");
        CampaignRules.CheckShift(400, start, start, end, [])!.ShouldContain("不超过365天");
    }

    [DbFact]
    public async Task ACampaignEnteredWithAPastStartDateHasNothingOverdueAndNothingDueInItsFirstWeek()
    {
        var office = await app.SignedInClientAsync("office");
        var past = await CreateAsync(office, "补录的群众路线活动", app.Today.AddDays(-60));
        var fresh = await CreateAsync(office, "新开的群众路线活动", app.Today);

        var pastDeadlines = await app.WithDbAsync(db => db.Milestones.Where(m => m.CampaignId == past).Select(m => m.Deadline).ToListAsync());
        pastDeadlines.Count.ShouldBe(19);
        pastDeadlines.ShouldAllBe(d => d >= app.Today.AddDays(7));
        var freshDeadlines = await app.WithDbAsync(db => db.Milestones.Where(m => m.CampaignId == fresh).Select(m => m.Deadline).ToListAsync());
        freshDeadlines.ShouldAllBe(d => d >= app.Today.AddDays(7));
        freshDeadlines.ShouldContain(app.Today.AddDays(20));
        (await office.GetDocumentAsync("/Campaigns/Create")).Body!.TextContent.ShouldContain("头一周不设截止");
    }

    [DbFact]
    public async Task TheOfficePreviewsThenShiftsAPhasesDeadlinesAndBadShiftsAreRefused()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await CreateAsync(office, "顺延测试活动", app.Today.AddDays(-10));
        var phases = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == campaign).OrderBy(p => p.Order).ToListAsync());
        var second = phases[1];
        var before = await DeadlinesAsync(second.Id);
        var url = $"/Campaigns/Phase?id={second.Id}";

        var preview = await office.PostFormAsync(url, Fields(3, false), action: "handler=Shift");
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await preview.ParseAsync();
        var shown = page.QuerySelector("[data-testid=shift-preview]")!.TextContent;
        shown.ShouldContain("确认后将推迟3天");
        shown.ShouldContain("撰写对照检查材料");
        (await DeadlinesAsync(second.Id)).ShouldBe(before);

        // With the phase's dates: the phase would run into the third one — refused, nothing moves.
        var overlap = await (await office.PostFormAsync(url, Fields(3, true), action: "handler=Shift")).ParseAsync();
        overlap.ErrorsText().ShouldContain("时间重叠");
        overlap.QuerySelector("[data-testid=shift-preview]").ShouldBeNull();
        var outside = await (await office.PostFormAsync(url, Fields(120, false, confirm: true), action: "handler=Shift")).ParseAsync();
        outside.ErrorsText().ShouldContain("超出活动期间");
        outside.ErrorsText().ShouldNotContain("请填写");
        var intoPast = await (await office.PostFormAsync(url, Fields(-50, false, confirm: true), action: "handler=Shift")).ParseAsync();
        intoPast.ErrorsText().ShouldContain("早于今天");
        var zero = await (await office.PostFormAsync(url, Fields(0, false, confirm: true), action: "handler=Shift")).ParseAsync();
        zero.ErrorsText().ShouldContain("不能为0");
        (await DeadlinesAsync(second.Id)).ShouldBe(before);

        var done = await office.PostFormAsync(url, Fields(3, false, confirm: true, await VersionAsync(second.Id)), action: "handler=Shift");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await done.ParseAsync()).ErrorsText());
        (await DeadlinesAsync(second.Id)).ShouldBe(before.Select(d => d.AddDays(3)).ToList());
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == second.Id.ToString() && e.Summary == $"“{second.Name}”环节节点截止日期整体推迟3天"))).ShouldBeTrue();

        // With room before the campaign's end, the last phase moves together with its deadlines.
        var third = phases[2];
        var thirdBefore = await DeadlinesAsync(third.Id);
        var shortened = await PostAsync(office, $"/Campaigns/Phase?id={third.Id}", new Dictionary<string, string>
        {
            ["Input.Name"] = third.Name, ["Input.StartsOn"] = Iso(third.StartsOn), ["Input.EndsOn"] = Iso(third.EndsOn.AddDays(-5)), ["Input.Version"] = (await VersionAsync(third.Id)).ToString(),
        });
        shortened.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await shortened.ParseAsync()).ErrorsText());
        var moved = await office.PostFormAsync($"/Campaigns/Phase?id={third.Id}", Fields(1, true, confirm: true, await VersionAsync(third.Id)), action: "handler=Shift");
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await moved.ParseAsync()).ErrorsText());
        var thirdAfter = await app.WithDbAsync(db => db.Phases.SingleAsync(p => p.Id == third.Id));
        thirdAfter.StartsOn.ShouldBe(third.StartsOn.AddDays(1));
        thirdAfter.EndsOn.ShouldBe(third.EndsOn.AddDays(-4));
        (await DeadlinesAsync(third.Id)).ShouldBe(thirdBefore.Select(d => d.AddDays(1)).ToList());
    }

    [DbFact]
    public async Task AMemberCannotShiftDeadlines()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var phase = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == campaign).OrderBy(p => p.Order).Select(p => p.Id).FirstAsync());
        var before = await DeadlinesAsync(phase);
        var member = await app.SignedInClientAsync("member");
        Denied(await member.GetAsync(new Uri($"/Campaigns/Phase?id={phase}", UriKind.Relative))).ShouldBeTrue();
        var home = await member.GetDocumentAsync("/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(Fields(3, false, confirm: true)) { ["__RequestVerificationToken"] = token });
        Denied(await member.PostAsync(new Uri($"/Campaigns/Phase?id={phase}&handler=Shift", UriKind.Relative), content)).ShouldBeTrue();
        (await DeadlinesAsync(phase)).ShouldBe(before);
    }

    private static Dictionary<string, string> Fields(int days, bool movePhase, bool confirm = false, Guid version = default) => new()
    {
        ["days"] = days.ToString(CultureInfo.InvariantCulture), ["movePhase"] = movePhase ? "true" : "false", ["confirm"] = confirm ? "true" : "false", ["LoadedVersion"] = version.ToString(),
    };

    private Task<Guid> VersionAsync(Guid phase) => app.WithDbAsync(db => db.Phases.Where(p => p.Id == phase).Select(p => p.Version).SingleAsync());

    /// <summary>A refusal: 403, or the sign-in cookie's redirect to the access-denied page.</summary>
    internal static bool Denied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));

    /// <summary>Posts the page's own form (the one without an action: not the top bar's campaign switcher).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(url);
        fields["__RequestVerificationToken"] = page.QuerySelector("form[novalidate]:not([action]) input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<List<DateOnly>> DeadlinesAsync(Guid phase) =>
        app.WithDbAsync(db => db.Milestones.Where(m => m.PhaseId == phase && m.Status == MilestoneStatus.Open).OrderBy(m => m.Id).Select(m => m.Deadline).ToListAsync());

    private async Task<Guid> CreateAsync(HttpClient office, string title, DateOnly startsOn)
    {
        var bureau = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync());
        var created = await PostAsync(office, "/Campaigns/Create", new Dictionary<string, string>
        {
            ["TemplateKey"] = "mass-line", ["Title"] = title, ["ScopeUnitId"] = bureau.ToString(), ["StartsOn"] = Iso(startsOn),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await created.ParseAsync()).ErrorsText());
        return await app.WithDbAsync(db => db.Campaigns.Where(c => c.Title == title).Select(c => c.Id).SingleAsync());
    }
}
