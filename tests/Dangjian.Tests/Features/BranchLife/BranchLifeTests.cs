using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.BranchLife;
using Dangjian.Web.Features.Study;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.BranchLife;

/// <summary>The 三会一课 rhythm as a board (period edges, a unit set up mid-period), recording with its refusals, attendance, and who reads a branch's minutes.</summary>
public sealed class BranchBoardRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 8);

    [Fact]
    public void PeriodsAreParsedAndAnythingElseIsTheCurrentQuarter()
    {
        BranchBoard.ParsePeriod("2026-11", Today).ShouldBe(new BranchBoard.Period("2026-11", "2026年11月", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        BranchBoard.ParsePeriod("2026-Q1", Today).To.ShouldBe(new DateOnly(2026, 3, 31));
        BranchBoard.ParsePeriod("2024", Today).Label.ShouldBe("2024年");
        BranchBoard.ParsePeriod("2026-13", Today).Key.ShouldBe("2026-Q4");
        BranchBoard.ParsePeriod("'; drop table", Today).Key.ShouldBe("2026-Q4");
    }

    [Fact]
    public void ASlotIsDueOnceEndedOrHeldAndOnlySinceTheUnitWasSetUp()
    {
        var q4 = BranchBoard.ParsePeriod("2026-Q4", Today);
        // Monthly: October and November have ended; December is due only if held already.
        BranchBoard.CellOf(q4, Rhythm.Monthly, new DateOnly(2020, 1, 1), Today, [new DateOnly(2026, 10, 5)]).ShouldBe(new BranchBoard.Cell(1, 2, 1));
        BranchBoard.CellOf(q4, Rhythm.Monthly, new DateOnly(2020, 1, 1), Today, [new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1)])
            .ShouldBe(new BranchBoard.Cell(3, 3, 4), "two in October fill one slot; December's counts once held");
        // Quarterly: the quarter has not ended, nothing held: nothing due yet.
        BranchBoard.CellOf(q4, Rhythm.Quarterly, new DateOnly(2020, 1, 1), Today, []).ShouldBe(new BranchBoard.Cell(0, 0, 0));
        // Set up on 15 November: October is not due; November (the month it started in) is.
        BranchBoard.CellOf(q4, Rhythm.Monthly, new DateOnly(2026, 11, 15), Today, []).Missing.ShouldBe(1);
        // A year: twelve monthly slots, eleven ended by 8 December.
        BranchBoard.CellOf(BranchBoard.ParsePeriod("2026", Today), Rhythm.Monthly, new DateOnly(2020, 1, 1), Today, []).Due.ShouldBe(11);
        BranchBoard.Slots(BranchBoard.ParsePeriod("2026-11", Today), Rhythm.Quarterly).Single().ShouldBe((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), "a month lies in its quarter's slot");
    }
}

public sealed class BranchLifeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheBoardShowsTheMonthTheSecondPartyCellSkipped()
    {
        var office = await app.SignedInClientAsync("office");
        var lastMonth = new DateOnly(app.Today.Year, app.Today.Month, 1).AddMonths(-1);
        var page = await office.GetDocumentAsync($"/BranchLife?period={lastMonth:yyyy-MM}");
        var row = page.QuerySelector("[data-testid=board] tr[data-branch=机关党支部]")!;
        row.QuerySelector("[data-kind=GroupMeeting]")!.TextContent.ShouldContain("1/2", Case.Sensitive, "the 第二党小组 held none last month");
        row.QuerySelector("[data-kind=GroupMeeting]")!.TextContent.ShouldContain("缺1", Case.Sensitive, "said in words, not only in red");
        row.QuerySelector("[data-kind=GroupMeeting]")!.ClassName!.ShouldContain("dj-cell-open");
        row.QuerySelector("[data-kind=CommitteeMeeting]")!.TextContent.Trim().ShouldBe("1/1");
        page.QuerySelector("[data-testid=meetings]")!.TextContent.ShouldContain("第一党小组会");
        var export = await office.GetAsync(new Uri($"/BranchLife?handler=Export&period={lastMonth:yyyy-MM}", UriKind.Relative));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = Dangjian.Web.Platform.Documents.SpreadsheetReader.Read(await export.Content.ReadAsByteArrayAsync());
        sheet[0][0].ShouldContain("三会一课台账");
        sheet.Skip(2).Count(r => r[2] == "党小组会").ShouldBe(1, "only the 第一党小组 met last month");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "export" && e.ObjectType == nameof(BranchMeeting)))).ShouldBeTrue();
        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri("/BranchLife?handler=Export", UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var year = await office.GetDocumentAsync($"/BranchLife?period={app.Today.Year}");
        year.QuerySelector("[data-testid=board] tr[data-branch=机关党支部] th")!.TextContent.ShouldContain("缺");
    }

    [DbFact]
    public async Task TheOfficeRecordsAMeetingMarksAttendanceAndBadInputSavesNothing()
    {
        var office = await app.SignedInClientAsync("office");
        var (branch, cell, wang) = await app.WithDbAsync(async db => (
            await db.OrgUnits.Where(u => u.Code == "KJJ-JGDZB").Select(u => u.Id).SingleAsync(),
            await db.OrgUnits.Where(u => u.Code == "KJJ-JGDZB-1").Select(u => u.Id).SingleAsync(),
            await db.People.Where(p => p.Name == "王建国").Select(p => p.Id).SingleAsync()));
        Dictionary<string, string> Fields(string kind, Guid unit, DateOnly day, string topic, Guid? lecturer = null) => new()
        {
            ["Input.Kind"] = kind, ["Input.OrgUnitId"] = unit.ToString(), ["Input.HeldOn"] = day.ToString("yyyy-MM-dd"), ["Input.Topic"] = topic,
            ["Input.LecturerId"] = lecturer?.ToString() ?? "",
        };
        var before = await app.WithDbAsync(db => db.BranchMeetings.CountAsync());
        (await (await office.PostFormAsync("/BranchLife/Edit", Fields("GroupMeeting", branch, app.Today, "党小组会选了支部"))).ParseAsync()).ErrorsText().ShouldContain("党小组会请选择党小组");
        (await (await office.PostFormAsync("/BranchLife/Edit", Fields("ThemeDay", cell, app.Today, "主题党日选了党小组"))).ParseAsync()).ErrorsText().ShouldContain("主题党日请选择党支部");
        (await (await office.PostFormAsync("/BranchLife/Edit", Fields("PartyLecture", branch, app.Today, "没有主讲人的党课"))).ParseAsync()).ErrorsText().ShouldContain("党课请选择主讲人");
        (await (await office.PostFormAsync("/BranchLife/Edit", Fields("ThemeDay", branch, app.Today.AddDays(1), "明天的主题党日"))).ParseAsync()).ErrorsText().ShouldContain("不能晚于今天");
        (await (await office.PostFormAsync("/BranchLife/Edit", Fields("ThemeDay", branch, app.Today, ""))).ParseAsync()).ErrorsText().ShouldContain("请填写会议主题");
        (await app.WithDbAsync(db => db.BranchMeetings.CountAsync())).ShouldBe(before);

        var saved = await office.PostFormAsync("/BranchLife/Edit", Fields("PartyLecture", branch, app.Today.AddDays(-40), "补录：局党组书记讲党课", wang));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await saved.ParseAsync()).ErrorsText() + string.Join("\n", app.Errors.Entries));
        var meeting = await app.WithDbAsync(db => db.BranchMeetings.SingleAsync(m => m.Topic == "补录：局党组书记讲党课"));
        var expected = await app.WithDbAsync(db => db.People.CountAsync(p => p.BranchId != null && !p.IsRetired));
        var attendees = await app.WithDbAsync(db => db.BranchMeetingAttendees.Where(a => a.MeetingId == meeting.Id).Select(a => a.PersonId).ToListAsync());
        attendees.Count.ShouldBe(expected, "every non-retired member of the branch and its 党小组");
        attendees.ShouldContain(wang, "a leader attends his branch too");

        var url = $"/BranchLife/Details?id={meeting.Id}";
        (await app.WithDbAsync(db => db.BranchMeetingAttendees.CountAsync(a => a.MeetingId == meeting.Id && a.Status != AttendanceStatus.Expected))).ShouldBe(0, "nobody is marked until the office marks them");
        var statuses = attendees.ToDictionary(p => $"status[{p}]", p => p == wang ? "Leave" : "Present");
        var noReason = await office.PostFormAsync(url, statuses, "handler=Attendance");
        (await app.WithDbAsync(db => db.BranchMeetingAttendees.CountAsync(a => a.MeetingId == meeting.Id && a.Status != AttendanceStatus.Expected))).ShouldBe(0, "a leave without its reason saves nothing");
        noReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ok = await office.PostFormAsync(url, new Dictionary<string, string>(statuses) { [$"reason[{wang}]"] = "赴省厅开会" }, "handler=Attendance");
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetDocumentAsync(url)).QuerySelector("[data-testid=attendance]")!.TextContent.ShouldContain($"应到{expected}人，到会{expected - 1}人，请假1人");
        var second = await app.WithDbAsync(db => db.BranchMeetings.Where(m => m.OrgUnitId == branch && m.Id != meeting.Id).OrderByDescending(m => m.HeldOn).Select(m => m.Id).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            await db.BranchMeetingAttendees.Where(a => a.MeetingId == second).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AttendanceStatus.Expected));
            var onLeave = await db.BranchMeetingAttendees.Where(a => a.MeetingId == second).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            return await db.BranchMeetingAttendees.Where(a => a.Id == onLeave).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AttendanceStatus.Leave));
        });
        (await office.PostHandlerAsync($"/BranchLife/Details?id={second}", "AllPresent")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.BranchMeetingAttendees.Where(a => a.MeetingId == second).GroupBy(a => a.Status).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N)))
            .ShouldBe(new Dictionary<AttendanceStatus, int> { [AttendanceStatus.Present] = expected - 1, [AttendanceStatus.Leave] = 1 }, "every unmarked member is present; the one on leave stays on leave");
        (await office.PostHandlerAsync(url, "MakeUp", new Dictionary<string, string> { ["personId"] = wang.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.BranchMeetingAttendees.Where(a => a.MeetingId == meeting.Id && a.PersonId == wang).Select(a => a.MakeUpDoneAt).SingleAsync())).ShouldNotBeNull();
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectType == nameof(BranchMeeting) && e.ObjectId == meeting.Id.ToString()))).ShouldBeTrue();
    }

    [DbFact]
    public async Task AMemberReadsHisOwnBranchAndPartyCellButNotAnotherCell()
    {
        var (mine, other, branchMeeting) = await app.WithDbAsync(async db => (
            await db.BranchMeetings.Where(m => m.OrgUnit!.Code == "KJJ-JGDZB-1").Select(m => m.Id).FirstAsync(),
            await db.BranchMeetings.Where(m => m.OrgUnit!.Code == "KJJ-JGDZB-2").Select(m => m.Id).FirstAsync(),
            await db.BranchMeetings.Where(m => m.OrgUnit!.Code == "KJJ-JGDZB").Select(m => m.Id).FirstAsync()));
        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri($"/BranchLife/Details?id={mine}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync(new Uri($"/BranchLife/Details?id={branchMeeting}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync(new Uri($"/BranchLife/Details?id={other}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "孙磊 sits in the 第一党小组");
        var page = await member.GetDocumentAsync($"/BranchLife/Details?id={mine}");
        page.QuerySelector("form[action*=Attendance]").ShouldBeNull("a member reads, the office records");
        var forged = await member.PostHandlerAsync($"/BranchLife/Details?id={mine}", "Delete");
        if (forged.StatusCode == HttpStatusCode.Redirect)
        {
            forged.Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        }
        else
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await app.WithDbAsync(db => db.BranchMeetings.AnyAsync(m => m.Id == mine))).ShouldBeTrue();
        (await member.GetAsync(new Uri("/BranchLife/Edit", UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
