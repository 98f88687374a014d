using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Study;

public sealed class StudySessionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task OfficeSchedulesASessionInsideThePhaseForWholeUnits()
    {
        var office = await app.SignedInClientAsync("office");
        var (campaign, phase2) = await CampaignAsync();
        var unit = await app.AddUnitAsync("学习会测试科");
        var section = await app.AddUnitAsync("学习会测试科一组", unit);
        var invited = new[] { await app.AddPersonAsync("学习会测试甲", unit), await app.AddPersonAsync("学习会测试乙", section) };
        var elsewhere = await app.AddPersonAsync("学习会测试丙", await app.AddUnitAsync("学习会测试另一科"));

        var outside = await ScheduleAsync(office, campaign, phase2.Id, phase2.StartsOn.AddDays(-1), unit);
        (await outside.ParseAsync()).ErrorsText().ShouldContain("学习会日期须在");
        var noUnits = await ScheduleAsync(office, campaign, phase2.Id, phase2.StartsOn, null);
        (await noUnits.ParseAsync()).ErrorsText().ShouldContain("请至少选择一个参加单位");
        var tooLong = await ScheduleAsync(office, campaign, phase2.Id, phase2.StartsOn.AddDays(1), unit, new string('学', StudySession.TitleMax + 1));
        (await tooLong.ParseAsync()).ErrorsText().ShouldContain("不超过200字");
        var form = await office.GetDocumentAsync($"/Study/Sessions/Edit?campaignId={campaign}");
        form.QuerySelector("input[name='Input.Title']")!.GetAttribute("maxlength").ShouldBe("200", "the length comes from the entity, once");
        form.QuerySelector("textarea[name='Input.Agenda']")!.GetAttribute("maxlength").ShouldBe("4000");

        (await app.WithDbAsync(db => db.StudySessions.CountAsync(s => s.Title == "科室学习讨论"))).ShouldBe(0, "refused forms save nothing");
        var made = await ScheduleAsync(office, campaign, phase2.Id, phase2.StartsOn.AddDays(1), unit);

        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var id = Guid.Parse(made.Headers.Location!.OriginalString.Split("id=")[1]);
        var attendees = await app.WithDbAsync(db => db.SessionAttendees.Where(a => a.SessionId == id).Select(a => a.PersonId).ToListAsync());
        attendees.ShouldBe(invited, ignoreOrder: true, "the unit's roster with its sub-units', no one from elsewhere");
        attendees.ShouldNotContain(elsewhere);
    }

    [DbFact]
    public async Task SessionHoursDefaultToTheDurationNeverExceedItAndAddUpForWhoAttended()
    {
        var office = await app.SignedInClientAsync("office");
        var (campaign, phase2) = await CampaignAsync();
        phase2.StartsOn.ShouldBeLessThan(app.Today, "the sessions below are held already");
        var unit = await app.AddUnitAsync("学时测试科");
        var member = await app.AddPersonAsync("学时测试甲", unit);

        // 09:00–10:30: one and a half hours at most, in half hours.
        (await (await ScheduleAsync(office, campaign, phase2.Id, phase2.StartsOn, unit, "学时过多", hours: "2")).ParseAsync()).ErrorsText().ShouldContain("学时不能超过学习会的时长（1.5小时）");
        (await (await ScheduleAsync(office, campaign, phase2.Id, phase2.StartsOn, unit, "学时零碎", hours: "0.7")).ParseAsync()).ErrorsText().ShouldContain("以0.5为单位");
        (await (await ScheduleAsync(office, campaign, phase2.Id, phase2.StartsOn, unit, "学时非数", hours: "两小时")).ParseAsync()).ErrorsText().ShouldNotBeEmpty();
        (await app.WithDbAsync(db => db.StudySessions.CountAsync(s => s.Title.StartsWith("学时")))).ShouldBe(0, "refused forms save nothing");

        var byDuration = await ScheduleAsync(office, campaign, phase2.Id, phase2.StartsOn, unit, "学时按时长");
        var entered = await ScheduleAsync(office, campaign, phase2.Id, phase2.StartsOn.AddDays(1), unit, "学时按填写", hours: "1");
        byDuration.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await byDuration.ParseAsync()).ErrorsText());
        entered.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await entered.ParseAsync()).ErrorsText());
        var hours = await app.WithDbAsync(db => db.StudySessions.Where(s => s.Title.StartsWith("学时")).ToDictionaryAsync(s => s.Title, s => s.Hours));
        hours.ShouldBe(new Dictionary<string, double> { ["学时按时长"] = 1.5, ["学时按填写"] = 1 });
        var list = await office.GetDocumentAsync("/Study/Sessions?kind=Discussion");
        list.QuerySelectorAll("[data-testid=sessions] tr").Single(r => r.TextContent.Contains("学时按时长", StringComparison.Ordinal))
            .QuerySelectorAll("td")[4].TextContent.Trim().ShouldBe("1.5");

        // The member attended the first and missed the second: 1.5 学时, for the person and for the unit, in the export too.
        await app.WithDbAsync(async db =>
        {
            var first = await db.StudySessions.Where(s => s.Title == "学时按时长").Select(s => s.Id).SingleAsync();
            (await db.SessionAttendees.SingleAsync(a => a.SessionId == first && a.PersonId == member)).Status = AttendanceStatus.Present;
            return await db.SaveChangesAsync();
        });
        await using var scope = app.Services.CreateAsyncScope();
        var figures = scope.ServiceProvider.GetRequiredService<StudyFigures>();
        (await figures.AttendanceByPersonAsync(campaign)).Single(p => p.PersonId == member).Hours.ShouldBe(1.5);
        (await figures.AttendanceByUnitAsync(campaign)).Single(u => u.UnitId == unit).Hours.ShouldBe(1.5);
        (await office.XlsxTextAsync($"/Study/Attendance?campaignId={campaign}&handler=Export")).ShouldContain("学时（人·小时）");
    }

    [DbFact]
    public async Task QrCodesAreSignedExpireAndSignInOnlyTheAccountHolderOnce()
    {
        var session = await UpcomingAsync();
        // Half an hour before the session starts: inside its sign-in window (SignInWindowTests covers the window itself).
        var startsAt = await app.WithDbAsync(db => db.StudySessions.Where(s => s.Id == session).Select(s => s.StartsAt).SingleAsync());
        var intoWindow = startsAt.AddMinutes(-30) - app.Clock.GetUtcNow().UtcDateTime;
        app.Clock.Advance(intoWindow);
        try
        {
            await SignInInsideTheWindowAsync(session);
        }
        finally
        {
            app.Clock.Advance(-intoWindow);
        }
    }

    private async Task SignInInsideTheWindowAsync(Guid session)
    {
        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            code = scope.ServiceProvider.GetRequiredService<StudyService>().IssueCode(await scope.ServiceProvider.GetRequiredService<AppDbContext>().StudySessions.SingleAsync(s => s.Id == session));
        }

        var member = await app.SignedInClientAsync("member");
        var forged = code[..^3] + (code[^3] == 'A' ? "BBB" : "AAA");
        (await member.GetDocumentAsync($"/Study/SignIn?c={Uri.EscapeDataString(forged)}")).QuerySelector("[data-testid=sign-in-problem]")!.TextContent.ShouldContain("签到码无效");
        (await member.GetDocumentAsync("/Study/SignIn?c=nonsense")).QuerySelector("[data-testid=sign-in-problem]").ShouldNotBeNull();

        var first = await member.PostFormAsync($"/Study/SignIn?c={Uri.EscapeDataString(code)}", new Dictionary<string, string> { ["c"] = code });
        (await first.ParseAsync()).QuerySelector("[data-testid=sign-in-result]")!.TextContent.ShouldContain("签到成功");
        // Scanned again, the page says so and offers no second button; a second POST anyway changes nothing.
        (await member.GetDocumentAsync($"/Study/SignIn?c={Uri.EscapeDataString(code)}")).QuerySelector("[data-testid=sign-in-result]")!.TextContent.ShouldContain("无需重复签到");
        var memberToken = (await member.GetDocumentAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var again = new FormUrlEncodedContent(new Dictionary<string, string> { ["c"] = code, ["__RequestVerificationToken"] = memberToken }))
        {
            var second = await member.PostAsync(new Uri($"/Study/SignIn?c={Uri.EscapeDataString(code)}", UriKind.Relative), again);
            (await second.ParseAsync()).QuerySelector("[data-testid=sign-in-result]")!.TextContent.ShouldContain("无需重复签到");
        }

        var sunlei = await app.WithDbAsync(db => db.People.Where(p => p.Name == "孙磊").Select(p => p.Id).SingleAsync());
        var present = await app.WithDbAsync(db => db.SessionAttendees.Where(a => a.SessionId == session && a.Status == AttendanceStatus.Present).Select(a => a.PersonId).ToListAsync());
        present.ShouldBe([sunlei], "only the signed-in account's own person was marked present");

        app.Clock.Advance(TimeSpan.FromMinutes(StudyService.CodeMinutes + 1));
        try
        {
            var leader = await app.SignedInClientAsync("leader");
            (await leader.GetDocumentAsync($"/Study/SignIn?c={Uri.EscapeDataString(code)}")).QuerySelector("[data-testid=sign-in-problem]")!.TextContent.ShouldContain("已过期");
            var token = (await leader.GetDocumentAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["c"] = code, ["__RequestVerificationToken"] = token });
            var late = await leader.PostAsync(new Uri("/Study/SignIn", UriKind.Relative), content);
            (await late.ParseAsync()).QuerySelector("[data-testid=sign-in-problem]")!.TextContent.ShouldContain("已过期");
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-(StudyService.CodeMinutes + 1)));
        }
    }

    [DbFact]
    public async Task OfficeRecordsLeaveMakeUpAndDeliveryAndTheCountsFollow()
    {
        var office = await app.SignedInClientAsync("office");
        var lecture = await app.WithDbAsync(db => db.StudySessions.Where(s => s.Title == "主要负责同志讲专题党课").Select(s => s.Id).SingleAsync());
        var page = await office.GetDocumentAsync($"/Study/Sessions/Details?id={lecture}");
        var counts = page.QuerySelector("[data-testid=counts]")!.TextContent;
        counts.ShouldContain("37");
        counts.ShouldContain("33实到");
        counts.ShouldContain("1缺席");
        counts.ShouldContain("89.2%");

        var caolin = await app.WithDbAsync(db => db.SessionAttendees.Where(a => a.SessionId == lecture && a.Person!.Name == "曹琳").Select(a => a.Id).SingleAsync());
        var noReason = await office.PostFormAsync($"/Study/Sessions/Details?id={lecture}", new Dictionary<string, string> { ["act"] = "leave", ["note"] = "" }, action: $"attendeeId={caolin}");
        noReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetDocumentAsync($"/Study/Sessions/Details?id={lecture}")).QuerySelector("[data-testid=flash]")!.TextContent.ShouldContain("请假须填写事由");
        await office.PostFormAsync($"/Study/Sessions/Details?id={lecture}", new Dictionary<string, string> { ["act"] = "makeup-done", ["note"] = "自学党课讲稿" }, action: $"attendeeId={caolin}");

        var done = await app.WithDbAsync(db => db.SessionAttendees.Where(a => a.Id == caolin).Select(a => a.MakeUpNote).SingleAsync());
        done.ShouldBe("自学党课讲稿");
        var member = await app.SignedInClientAsync("member");
        var mine = await member.GetDocumentAsync($"/Study/Sessions/Details?id={lecture}");
        mine.QuerySelectorAll("[data-testid=attendance] tbody tr").Length.ShouldBe(1, "members see only their own line");
        (await member.GetAsync(new Uri("/Study/Sessions/Edit", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }

    [DbFact]
    public async Task SessionsLinkedToACountMilestoneCompleteItWhenHeld()
    {
        var (campaign, _) = await CampaignAsync();
        Guid milestone;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var study = scope.ServiceProvider.GetRequiredService<StudyService>();
            var phase = await db.Phases.Where(p => p.CampaignId == campaign).OrderBy(p => p.Order).Skip(1).FirstAsync();
            var m = new Milestone { CampaignId = campaign, PhaseId = phase.Id, Title = "中心组学习会至少2次（测试）", Deadline = phase.EndsOn, RequiredCount = 2 };
            db.Milestones.Add(m);
            milestone = m.Id;
            var person = await db.People.Where(p => p.Name == "韩明").Select(p => p.Id).SingleAsync();
            for (var i = 0; i < 2; i++)
            {
                var s = new StudySession { CampaignId = campaign, PhaseId = phase.Id, MilestoneId = m.Id, Kind = SessionKind.CentralGroup, Title = $"计数学习会{i}", StartsAt = DateTime.UtcNow, EndsAt = DateTime.UtcNow.AddHours(2), SignInSecret = StudyService.NewSecret() };
                db.StudySessions.Add(s);
                var attendee = new SessionAttendee { SessionId = s.Id, PersonId = person };
                db.SessionAttendees.Add(attendee);
                await db.SaveChangesAsync();
                (await study.MarkAsync(s, attendee.Id, "present", null)).ShouldBeNull();
                var state = await db.Milestones.AsNoTracking().Where(x => x.Id == m.Id).Select(x => new { x.DoneCount, x.Status }).SingleAsync();
                state.DoneCount.ShouldBe(i + 1);
                state.Status.ShouldBe(i == 0 ? MilestoneStatus.Open : MilestoneStatus.Done);
            }
        }

        (await app.WithDbAsync(db => db.Milestones.Where(x => x.Id == milestone).Select(x => x.Status).SingleAsync())).ShouldBe(MilestoneStatus.Done);
    }

    private async Task<(Guid Campaign, Phase Phase2)> CampaignAsync()
    {
        var id = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "市科技局党的群众路线教育实践活动").Select(c => c.Id).SingleAsync());
        var phase = await app.WithDbAsync(db => db.Phases.AsNoTracking().Where(p => p.CampaignId == id && p.Order == 2).SingleAsync());
        return (id, phase);
    }

    private Task<Guid> UpcomingAsync() => app.WithDbAsync(db => db.StudySessions.Where(s => s.Title.StartsWith("学习交流讨论会")).Select(s => s.Id).SingleAsync());

    private static async Task<HttpResponseMessage> ScheduleAsync(HttpClient office, Guid campaign, Guid phase, DateOnly date, Guid? unit, string title = "科室学习讨论", string hours = "")
    {
        var fields = new Dictionary<string, string>
        {
            ["CampaignId"] = campaign.ToString(), ["Input.PhaseId"] = phase.ToString(), ["Input.Kind"] = "Discussion", ["Input.Title"] = title,
            ["Input.Date"] = date.ToString("yyyy-MM-dd"), ["Input.StartTime"] = "09:00", ["Input.EndTime"] = "10:30", ["Input.Place"] = "会议室",
            ["Input.Hours"] = hours,
        };
        if (unit is { } u)
        {
            fields["Input.UnitIds"] = u.ToString();
        }

        return await office.PostFormAsync($"/Study/Sessions/Edit?CampaignId={campaign}", fields);
    }
}
