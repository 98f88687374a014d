using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings;

/// <summary>
/// One life meeting: attendance (absences with reasons), criticism and self-criticism (who raised what about whom),
/// 民主评议党员 results at an organization life meeting, the report upward, and the 通报会 afterwards. Read by the office,
/// the supervision group and those who attended (404 to others); recorded by the office.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DetailsModel(AppDbContext db, CampaignAccess access, MeetingService service) : PageModel
{
    public sealed record Attendee(Guid PersonId, string Name, string? Title, string? AbsenceReason, PartyStatus Party);

    public sealed record CriticismRow(Guid Id, string From, string? To, string Text);

    public LifeMeeting Meeting { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    public string Host { get; private set; } = "";

    public string Unit { get; private set; } = "";

    public MeetingService.Rights Rights { get; private set; } = null!;

    public List<Attendee> Attendees { get; private set; } = [];

    public List<CriticismRow> Criticisms { get; private set; } = [];

    public Dictionary<Guid, MemberGrade> Grades { get; private set; } = [];

    public (Guid Id, string Title)? Follows { get; private set; }

    public List<(Guid Id, string Title, DateOnly HeldOn)> Briefings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAbsenceAsync(Guid id, Guid personId, string? reason, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.Manage)
        {
            return Forbid();
        }

        var attendee = await db.MeetingAttendees.SingleOrDefaultAsync(a => a.MeetingId == id && a.PersonId == personId, ct) ?? throw new NotFoundException();
        attendee.AbsenceReason = reason.NullIfBlank(200);
        await db.SaveChangesAsync(ct);
        TempData.Success(attendee.AbsenceReason is null ? "已改为出席。" : "已记为缺席。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCriticismAsync(Guid id, Guid? fromId, Guid? toId, string? text, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.Manage)
        {
            return Forbid();
        }

        var present = Attendees.Where(a => a.AbsenceReason is null).Select(a => a.PersonId).ToHashSet();
        string? problem = fromId is not { } from || !present.Contains(from) ? "请选择提出批评的出席人员。"
            : toId is { } to && (!present.Contains(to) || to == from) ? "被批评的须是另一位出席人员；批评自己请选“自我批评”。"
            : string.IsNullOrWhiteSpace(text) || text.Trim().Length > 4000 ? "请填写批评意见（不超过4000字）。"
            : Meeting.Kind == MeetingKind.Briefing ? "通报会不记录批评和自我批评。"
            : null;
        if (problem is not null)
        {
            TempData.Error(problem);
            return RedirectToPage(new { id });
        }

        db.Criticisms.Add(new Criticism { MeetingId = id, FromPersonId = fromId!.Value, ToPersonId = toId, Text = text!.Trim() });
        await db.SaveChangesAsync(ct);
        TempData.Success(toId is null ? "自我批评已记录。" : "批评意见已记录。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostGradesAsync(Guid id, Dictionary<Guid, MemberGrade?>? grades, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.Manage)
        {
            return Forbid();
        }

        if (Meeting.Kind != MeetingKind.OrganizationLife)
        {
            TempData.Error("只有组织生活会开展民主评议党员。");
            return RedirectToPage(new { id });
        }

        var members = Attendees.Where(a => a.Party is PartyStatus.Full or PartyStatus.Probationary).Select(a => a.PersonId).ToHashSet();
        var posted = (grades ?? []).Where(g => g.Value is not null).ToList();
        if (posted.Any(g => !members.Contains(g.Key) || !Enum.IsDefined(g.Value!.Value)))
        {
            TempData.Error("只能评议本次参会的党员，评议结果为优秀、合格、基本合格或不合格。");
            return RedirectToPage(new { id });
        }

        var existing = await db.MemberAppraisals.Where(a => a.MeetingId == id).ToDictionaryAsync(a => a.PersonId, ct);
        foreach (var (person, grade) in posted)
        {
            if (existing.TryGetValue(person, out var row))
            {
                row.Grade = grade!.Value;
            }
            else
            {
                db.MemberAppraisals.Add(new MemberAppraisal { MeetingId = id, PersonId = person, Grade = grade!.Value });
            }
        }

        await db.SaveChangesAsync(ct);
        TempData.Success($"已保存{posted.Count}名党员的评议结果。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, DateOnly? reportedOn, string? report, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.Manage)
        {
            return Forbid();
        }

        if (reportedOn is not { } on || on < Meeting.HeldOn || string.IsNullOrWhiteSpace(report) || report.Trim().Length > 20000)
        {
            TempData.Error("请填写报送日期（不早于会议日期）和报告内容（不超过2万字）。");
            return RedirectToPage(new { id });
        }

        var meeting = await db.LifeMeetings.SingleAsync(m => m.Id == id, ct);
        (meeting.ReportedOn, meeting.Report) = (on, report.Trim());
        await db.SaveChangesAsync(ct);
        TempData.Success("已记录向上级报送的情况。");
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.LifeMeetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { Meeting = m, Host = m.HostPerson!.Name, Unit = m.OrgUnit!.Name }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        (Meeting, Host, Unit) = (found.Meeting, found.Host, found.Unit);
        Campaign = await access.FindAsync(Meeting.CampaignId, Permissions.CampaignsView, ct);
        Rights = await service.RightsAsync(Campaign, ct);
        if (!await service.MayReadAsync(Rights, id, ct))
        {
            throw new NotFoundException();
        }

        Attendees = await db.MeetingAttendees.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Person!.PostRank).ThenBy(a => a.Person!.CreatedAt)
            .Select(a => new Attendee(a.PersonId, a.Person!.Name, a.Person.Title, a.AbsenceReason, a.Person.PartyStatus)).ToListAsync(ct);
        Criticisms = await db.Criticisms.AsNoTracking().Where(c => c.MeetingId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CriticismRow(c.Id, c.FromPerson!.Name, c.ToPerson != null ? c.ToPerson.Name : null, c.Text)).ToListAsync(ct);
        Grades = await db.MemberAppraisals.AsNoTracking().Where(a => a.MeetingId == id).ToDictionaryAsync(a => a.PersonId, a => a.Grade, ct);
        if (Meeting.FollowsId is { } follows)
        {
            Follows = await db.LifeMeetings.Where(m => m.Id == follows).Select(m => new { m.Id, m.Title }).SingleOrDefaultAsync(ct) is { } f ? (f.Id, f.Title) : null;
        }

        Briefings = (await db.LifeMeetings.AsNoTracking().Where(m => m.FollowsId == id).OrderBy(m => m.HeldOn).Select(m => new { m.Id, m.Title, m.HeldOn }).ToListAsync(ct))
            .Select(m => (m.Id, m.Title, m.HeldOn)).ToList();
        ViewData.Trail(new Breadcrumb("生活会", $"/Meetings?campaignId={Meeting.CampaignId}"), new Breadcrumb(Meeting.Title));
    }
}
