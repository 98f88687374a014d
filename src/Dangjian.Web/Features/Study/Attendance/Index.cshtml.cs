using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Attendance;

/// <summary>考勤统计: attendance of a campaign's held sessions per unit and per person, and leave requests waiting for approval.</summary>
[RequirePermission(Permissions.StudyEdit)]
public sealed class IndexModel(AppDbContext db, StudyAccess access, StudyFigures figures, FigureCache cache, TimeProvider clock) : PageModel
{
    public sealed record LeaveRow(Guid SessionId, string Session, DateTime StartsAt, string Name, string? Reason);

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool AbsentOnly { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public List<StudyAccess.Option> Campaigns { get; private set; } = [];

    public List<StudyFigures.UnitAttendance> Units { get; private set; } = [];

    public Paged<StudyFigures.PersonAttendance>? People { get; private set; }

    public List<LeaveRow> PendingLeave { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("考勤统计"));
        Campaigns = await access.CampaignsAsync(forEditing: true, ct: ct);
        CampaignId = Campaigns.Any(c => c.Id == CampaignId) ? CampaignId : Campaigns.FirstOrDefault()?.Id;
        if (CampaignId is not { } id)
        {
            return;
        }

        await access.EditAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // Counted once a minute per campaign, and again as soon as attendance is recorded on this instance: at the
        // province scale a campaign has tens of thousands of attendance records, summed here per unit and per person.
        Type[] rows = [typeof(SessionAttendee), typeof(StudySession), typeof(Platform.Organization.Person), typeof(Platform.Organization.OrgUnit)];
        Units = await cache.GetAsync($"attendance-units:{id}", (services, token) => services.GetRequiredService<StudyFigures>().AttendanceByUnitAsync(id, token), rows, ct);
        var everyone = await cache.GetAsync($"attendance-people:{id}", (services, token) => services.GetRequiredService<StudyFigures>().AttendanceByPersonAsync(id, token), rows, ct);
        People = (AbsentOnly ? everyone.Where(p => p.Absent > 0).ToList() : everyone).ToPage(PageNumber);
        var pending = await (from a in db.SessionAttendees.AsNoTracking()
                             where a.LeaveRequestedAt != null && a.Status == AttendanceStatus.Expected
                             join s in db.StudySessions on a.SessionId equals s.Id
                             where s.CampaignId == id && s.EndsAt > now
                             orderby s.StartsAt
                             select new { s.Id, s.Title, s.StartsAt, a.Person!.Name, a.LeaveReason }).Take(100).ToListAsync(ct);
        PendingLeave = pending.Select(p => new LeaveRow(p.Id, p.Title, p.StartsAt, p.Name, p.LeaveReason)).ToList();
    }

    /// <summary>考勤汇总表: attendance per unit over the sessions held (应到、实到、请假、缺席、已补学、出勤率、学时).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var campaign = await access.EditAsync(CampaignId ?? throw new NotFoundException(), ct);
        var units = await figures.AttendanceByUnitAsync(campaign.Id, ct);
        var rows = units.Select(u => (IReadOnlyList<object?>)[u.Unit, u.Expected, u.Present, u.Leave, u.Absent, u.MakeUpDone, u.Rate, u.Hours]).ToList();
        rows.Add(["合计", units.Sum(u => u.Expected), units.Sum(u => u.Present), units.Sum(u => u.Leave), units.Sum(u => u.Absent), units.Sum(u => u.MakeUpDone),
            units.Sum(u => u.Expected) == 0 ? 0 : Math.Round(100.0 * units.Sum(u => u.Present) / units.Sum(u => u.Expected), 1), units.Sum(u => u.Hours)]);
        db.Audit("export", nameof(SessionAttendee), campaign.Id.ToString(), $"导出{campaign.Title}考勤汇总表");
        await db.SaveChangesAsync(ct);
        var content = Platform.Documents.XlsxWriter.Write("考勤汇总", $"{campaign.Title}学习考勤汇总表（{ChinaTime.LongDate(ChinaTime.Today(clock))}）",
            [new("单位", 18), new("应到（人次）", 12), new("实到", 10), new("请假", 10), new("缺席", 10), new("已补学", 10), new("出勤率（%）", 10), new("学时（人·小时）", 12)], rows);
        return Platform.Documents.FileDownloads.Xlsx(content, "考勤汇总表.xlsx");
    }
}
