using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.BranchLife;

/// <summary>
/// 三会一课: the compliance board of the branches in the caller's scope for a month, quarter or year (held / due, missing
/// in red, attendance, 党课 given by leaders), and the meetings the caller reads — their own branch's included.
/// </summary>
[RequirePermission(Permissions.StudyView)]
public sealed class IndexModel(AppDbContext db, BranchBoard board, BranchLifeAccess access, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Meeting(Guid Id, string Unit, BranchMeetingKind Kind, DateOnly HeldOn, string Topic, int Expected, int Present);

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public BranchMeetingKind? Kind { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public BranchBoard.Period Current { get; private set; } = null!;

    public List<BranchBoard.Row> Rows { get; private set; } = [];

    public Paged<Meeting> Meetings { get; private set; } = new([], 0, 1, 20);

    public bool MayRecord { get; private set; }

    public IReadOnlyList<(string Key, string Label)> Choices { get; private set; } = [];

    /// <summary>三会一课台账 in Excel: every meeting of the period in the branches the caller records, with attendance; audited.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var units = (await access.RecordableAsync(ct)).Select(u => u.Id).ToList();
        if (units.Count == 0)
        {
            throw new ForbiddenException();
        }

        Current = BranchBoard.ParsePeriod(Period, ChinaTime.Today(clock));
        var rows = await db.BranchMeetings.AsNoTracking().Where(m => units.Contains(m.OrgUnitId) && m.HeldOn >= Current.From && m.HeldOn <= Current.To)
            .OrderBy(m => m.OrgUnit!.Path).ThenBy(m => m.HeldOn).ThenBy(m => m.Kind).Take(20000)
            .Select(m => new
            {
                Unit = m.OrgUnit!.Name, m.Kind, m.HeldOn, m.Topic, Host = m.Host!.Name, Lecturer = m.Lecturer!.Name, m.Place,
                Expected = db.BranchMeetingAttendees.Count(a => a.MeetingId == m.Id),
                Present = db.BranchMeetingAttendees.Count(a => a.MeetingId == m.Id && a.Status == Study.AttendanceStatus.Present),
                Leave = db.BranchMeetingAttendees.Count(a => a.MeetingId == m.Id && a.Status == Study.AttendanceStatus.Leave),
            }).ToListAsync(ct);
        db.Audit("export", nameof(BranchMeeting), null, $"导出{Current.Label}三会一课台账{rows.Count}次");
        await db.SaveChangesAsync(ct);
        var n = 0;
        var content = Platform.Documents.XlsxWriter.Write("三会一课", $"三会一课台账（{Current.Label}，共{rows.Count}次）",
            [new("序号", 6), new("党组织", 14), new("类别", 12), new("日期", 12), new("主题", 36), new("主持人", 10), new("党课主讲人", 10), new("地点", 14), new("应到", 6), new("实到", 6), new("请假", 6)],
            rows.Select(r => (IReadOnlyList<object?>)[++n, r.Unit, BranchLifeLabels.Of(r.Kind), r.HeldOn, r.Topic, r.Host, r.Lecturer, r.Place, r.Expected, r.Present, r.Leave]).ToList());
        return Platform.Documents.FileDownloads.Xlsx(content, $"三会一课台账-{Current.Key}.xlsx");
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("三会一课"));
        var today = ChinaTime.Today(clock);
        Current = BranchBoard.ParsePeriod(Period, today);
        var quarter = ((today.Month - 1) / 3) + 1;
        Choices = [($"{today.Year}-Q{quarter}", "本季度"), ($"{today:yyyy-MM}", "本月"), ($"{today.Year}", "本年"),
            (quarter == 1 ? $"{today.Year - 1}-Q4" : $"{today.Year}-Q{quarter - 1}", "上季度"), ($"{today.Year - 1}", "上年")];
        Rows = await board.RowsAsync(Current, ct);
        var recordable = await access.RecordableAsync(ct);
        MayRecord = recordable.Count > 0;

        // The meetings read: those of units in scope, and those of the caller's own branch (its 党小组 included).
        var scope = await guard.ScopeAsync(ct);
        var own = await access.OwnBranchPathAsync(ct);
        var inScope = db.BranchMeetings.AsNoTracking().InScope(scope, m => m.OrgUnit!.Path).Select(m => m.Id);
        Meetings = await db.BranchMeetings.AsNoTracking()
            .Where(m => inScope.Contains(m.Id) || (own != null && (own.StartsWith(m.OrgUnit!.Path) || m.OrgUnit!.Path.StartsWith(own))))
            .Where(m => m.HeldOn >= Current.From && m.HeldOn <= Current.To)
            .WhereIf(Kind is not null, m => m.Kind == Kind)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.CreatedAt)
            .Select(m => new Meeting(m.Id, m.OrgUnit!.Name, m.Kind, m.HeldOn, m.Topic,
                db.BranchMeetingAttendees.Count(a => a.MeetingId == m.Id), db.BranchMeetingAttendees.Count(a => a.MeetingId == m.Id && a.Status == Study.AttendanceStatus.Present)))
            .ToPageAsync(PageNumber, 20, ct);
    }
}
