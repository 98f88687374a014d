using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Sessions;

/// <summary>A session with its attendance sheet: who signed in (and how), leave, absentees, make-up study, delivery.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class DetailsModel(AppDbContext db, CampaignAccess access, StudyAccess rights, StudyService study, Platform.Files.FileStore files, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, Guid PersonId, string Name, string Unit, bool Retired, SessionAttendee Attendance);

    public StudySession Session { get; private set; } = null!;

    public string CampaignTitle { get; private set; } = "";

    public List<Row> Rows { get; private set; } = [];

    public StudyService.Counts Counts { get; private set; } = null!;

    public bool Ended { get; private set; }

    /// <summary>Study editors of the organization that runs the campaign; a unit below it only reads.</summary>
    public bool CanEdit { get; private set; }

    public Guid? MyPersonId { get; private set; }

    public List<Platform.Files.StoredFile> Photos { get; private set; } = [];

    public string MaxText => files.MaxText;

    public SessionAttendee? Mine => Rows.FirstOrDefault(r => r.PersonId == MyPersonId)?.Attendance;

    public int PendingLeave => Rows.Count(r => r.Attendance.LeaveRequestedAt is not null && r.Attendance.Status == AttendanceStatus.Expected);

    /// <summary>Adds one person by unit and name to the expected attendees (someone from outside the invited units).</summary>
    public async Task<IActionResult> OnPostAddPersonAsync(Guid id, string? name, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var campaign = await access.FindAsync(Session.CampaignId, Permissions.StudyEdit, ct);
        var scopePath = await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        var text = name?.Trim() ?? "";
        var matches = text.Length == 0 ? [] : await db.People.AsNoTracking().Where(p => p.Name == text && p.OrgUnit!.Path.StartsWith(scopePath)).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync(ct);
        if (matches.Count != 1)
        {
            TempData.Error(matches.Count == 0 ? $"本活动范围内没有名为“{text}”的人员。" : $"本活动范围内有多名“{text}”，请按单位分别安排。");
            return RedirectToPage(new { id });
        }

        if (await db.SessionAttendees.AnyAsync(a => a.SessionId == id && a.PersonId == matches[0], ct))
        {
            TempData.Error($"{text}已在应到名单中。");
            return RedirectToPage(new { id });
        }

        db.SessionAttendees.Add(new SessionAttendee { SessionId = id, PersonId = matches[0] });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            TempData.Error($"{text}已在应到名单中。");
            return RedirectToPage(new { id });
        }
        TempData.Success($"已将{text}加入应到名单。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid id, string? reason, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await study.RequestLeaveAsync(Session, MyPersonId, reason, ct) is { } refusal)
        {
            TempData.Error(refusal);
        }
        else
        {
            TempData.Success("请假申请已提交，等待活动办公室审批。");
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMinutesAsync(Guid id, string? minutes, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        if ((minutes?.Length ?? 0) > 20000)
        {
            TempData.Error("会议记录不超过2万字。");
            return RedirectToPage(new { id });
        }

        var session = await db.StudySessions.SingleAsync(s => s.Id == id, ct);
        session.Minutes = minutes.NullIfBlank();
        await db.SaveChangesAsync(ct);
        TempData.Success("会议记录已保存。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPhotoAsync(Guid id, IFormFile? photo, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var (_, problem) = await files.AddAsync(photo, SessionFileRule.Owner, id, Platform.Files.FileKinds.Documents, ct);
        if (problem is not null)
        {
            TempData.Error(problem);
            return RedirectToPage(new { id });
        }

        await db.SaveChangesAsync(ct);
        TempData.Success("已上传。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        await files.RemoveAsync(SessionFileRule.Owner, id, fileId, ct);
        TempData.Success("已删除。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var session = await db.StudySessions.SingleAsync(s => s.Id == id, ct);
        db.StudySessions.Remove(session);
        await db.SaveChangesAsync(ct);
        await study.RecountMilestoneAsync(session, ct);
        TempData.Success($"已删除“{session.Title}”（可由系统管理员从审计记录恢复）。");
        return RedirectToPage("/Study/Sessions/Index");
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(Guid id, Guid attendeeId, string act, string? note, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await study.MarkAsync(Session, attendeeId, act, note, ct) is { } refusal)
        {
            TempData.Error(refusal);
        }
        else
        {
            TempData.Success("考勤已更新。");
        }

        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Session = await db.StudySessions.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
        var campaign = await access.FindAsync(Session.CampaignId, Permissions.StudyView, ct);
        CanEdit = await rights.CanEditCampaignAsync(campaign, ct);
        CampaignTitle = campaign.Title;
        MyPersonId = await access.PersonIdAsync(ct);
        Ended = Session.EndsAt < clock.GetUtcNow().UtcDateTime;
        var attendees = await db.SessionAttendees.AsNoTracking().Where(a => a.SessionId == id)
            .Select(a => new { Attendance = a, a.Person!.Name, Unit = a.Person.OrgUnit!.Name, a.Person.IsRetired, a.Person.OrgUnit.Path })
            .ToListAsync(ct);
        Rows = attendees.OrderBy(a => a.Path, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new Row(a.Attendance.Id, a.Attendance.PersonId, a.Name, a.Unit, a.IsRetired, a.Attendance)).ToList();
        if (!CanEdit)
        {
            // Members see their own line only.
            Rows = Rows.Where(r => r.PersonId == MyPersonId).ToList();
        }

        Photos = await files.ListAsync(SessionFileRule.Owner, id, ct);
        Counts = StudyService.CountsOf(attendees.Select(a => a.Attendance).ToList(), Ended);
        ViewData.Trail(new Breadcrumb("学习会", "/Study/Sessions"), new Breadcrumb(Session.Title));
    }
}
