using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.BranchLife;

/// <summary>
/// A branch meeting: its facts and minutes for those who read it, and — for those who record it — the attendance of
/// each member expected (到会 / 请假 with the reason / 缺席), 补学 for the absent, and deleting the meeting.
/// </summary>
[RequirePermission(Permissions.StudyView)]
public sealed class DetailsModel(AppDbContext db, BranchLifeAccess access, TimeProvider clock) : PageModel
{
    public sealed record Attendee(Guid PersonId, string Name, string? Title, AttendanceStatus Status, string? LeaveReason, DateTime? MakeUpDoneAt);

    public BranchMeeting Meeting { get; private set; } = null!;

    public string Unit { get; private set; } = "";

    public string? Host { get; private set; }

    public string? Lecturer { get; private set; }

    public bool Records { get; private set; }

    public List<Attendee> Attendees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Saves every row's status at once; a leave needs its reason.</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, Dictionary<Guid, AttendanceStatus>? status, Dictionary<Guid, string>? reason, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireRecords();
        status ??= [];
        reason ??= [];
        var rows = await db.BranchMeetingAttendees.Where(a => a.MeetingId == id).ToListAsync(ct);
        var missingReason = rows.Where(r => status.GetValueOrDefault(r.PersonId, r.Status) == AttendanceStatus.Leave && string.IsNullOrWhiteSpace(reason.GetValueOrDefault(r.PersonId) ?? r.LeaveReason))
            .Select(r => Attendees.First(a => a.PersonId == r.PersonId).Name).ToList();
        if (status.Values.Any(s => !Enum.IsDefined(s)) || missingReason.Count > 0)
        {
            TempData.Error(missingReason.Count > 0 ? $"请假须写明事由：{string.Join("、", missingReason)}。到会情况尚未保存。" : "到会情况无效，尚未保存。");
            return RedirectToPage(new { id });
        }

        foreach (var row in rows)
        {
            row.Status = status.GetValueOrDefault(row.PersonId, row.Status);
            row.LeaveReason = row.Status == AttendanceStatus.Leave ? (reason.GetValueOrDefault(row.PersonId) ?? row.LeaveReason).NullIfBlank(200) : null;
        }

        await db.SaveChangesAsync(ct);
        TempData.Success($"到会情况已保存：到会{rows.Count(r => r.Status == AttendanceStatus.Present)}人，请假{rows.Count(r => r.Status == AttendanceStatus.Leave)}人，缺席{rows.Count(r => r.Status == AttendanceStatus.Expected)}人。");
        return RedirectToPage(new { id });
    }

    /// <summary>全部到会: everyone still unmarked is present (those marked 请假 stay so), the common case after a meeting.</summary>
    public async Task<IActionResult> OnPostAllPresentAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireRecords();
        var rows = await db.BranchMeetingAttendees.Where(a => a.MeetingId == id && a.Status == AttendanceStatus.Expected).ToListAsync(ct);
        rows.ForEach(r => r.Status = AttendanceStatus.Present);
        await db.SaveChangesAsync(ct);
        TempData.Success($"已将{rows.Count}人标为到会；请假的仍为请假，缺席的请单独改回。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMakeUpAsync(Guid id, Guid personId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireRecords();
        var row = await db.BranchMeetingAttendees.SingleOrDefaultAsync(a => a.MeetingId == id && a.PersonId == personId && a.Status != AttendanceStatus.Present, ct) ?? throw new NotFoundException();
        row.MakeUpDoneAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData.Success("已记录补学。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireRecords();
        db.BranchMeetings.Remove(await db.BranchMeetings.SingleAsync(m => m.Id == id, ct));
        await db.SaveChangesAsync(ct);
        TempData.Success("会议记录已删除。");
        return RedirectToPage("/BranchLife/Index");
    }

    private void RequireRecords()
    {
        if (!Records)
        {
            throw new ForbiddenException();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.BranchMeetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { Meeting = m, Unit = m.OrgUnit!.Name, m.OrgUnit.Path, Host = m.Host!.Name, Lecturer = m.Lecturer!.Name }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var (reads, records) = await access.RightsAsync(found.Path, ct);
        if (!reads)
        {
            throw new NotFoundException();
        }

        (Meeting, Unit, Host, Lecturer, Records) = (found.Meeting, found.Unit, found.Host, found.Lecturer, records);
        Attendees = await db.BranchMeetingAttendees.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Person!.PostRank).ThenBy(a => a.Person!.Name)
            .Select(a => new Attendee(a.PersonId, a.Person!.Name, a.Person.Title, a.Status, a.LeaveReason, a.MakeUpDoneAt)).Take(5000).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("三会一课", "/BranchLife"), new Breadcrumb(Meeting.Topic));
    }
}
