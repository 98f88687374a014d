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
public sealed class DetailsModel(AppDbContext db, CampaignAccess access, StudyService study, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, Guid PersonId, string Name, string Unit, bool Retired, SessionAttendee Attendance);

    public StudySession Session { get; private set; } = null!;

    public string CampaignTitle { get; private set; } = "";

    public List<Row> Rows { get; private set; } = [];

    public StudyService.Counts Counts { get; private set; } = null!;

    public bool Ended { get; private set; }

    public bool CanEdit => User.Can(Permissions.StudyEdit);

    public Guid? MyPersonId { get; private set; }

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

        Counts = StudyService.CountsOf(attendees.Select(a => a.Attendance).ToList(), Ended);
        ViewData.Trail(new Breadcrumb("学习会", "/Study/Sessions"), new Breadcrumb(Session.Title));
    }
}
