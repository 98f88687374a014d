using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings;

/// <summary>生活会: the campaign's 民主生活会, 组织生活会 and 通报会 with attendance, criticism counts and whether reported upward.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, CampaignPicker picker, MeetingService service) : CampaignPageModel
{
    public sealed record Row(Guid Id, MeetingKind Kind, string Title, DateOnly HeldOn, string Host, int Expected, int Present, int Criticisms, bool Reported, bool Briefed);

    public List<Row> Meetings { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("生活会"));
        if (await ChooseAsync(picker.PickAsync(CampaignId, ct)) is not { } chosen)
        {
            return;
        }

        var id = chosen.Id;

        var rights = await service.RightsAsync(chosen, ct);
        CanManage = rights.Manage;
        // Only the meetings the caller may open (the same rule as the details page): no row leads to a 404.
        var meetings = db.LifeMeetings.AsNoTracking().Where(m => m.CampaignId == id);
        if (!rights.Manage && !rights.Supervisor)
        {
            var person = rights.PersonId;
            meetings = meetings.Where(m => person != null && db.MeetingAttendees.Any(a => a.MeetingId == m.Id && a.PersonId == person));
        }

        Meetings = await meetings.OrderByDescending(m => m.HeldOn).ThenBy(m => m.Id).Take(200)
            .Select(m => new Row(m.Id, m.Kind, m.Title, m.HeldOn, m.HostPerson!.Name,
                db.MeetingAttendees.Count(a => a.MeetingId == m.Id), db.MeetingAttendees.Count(a => a.MeetingId == m.Id && a.AbsenceReason == null),
                db.Criticisms.Count(c => c.MeetingId == m.Id), m.ReportedOn != null, db.LifeMeetings.Any(b => b.FollowsId == m.Id)))
            .ToListAsync(ct);
    }
}
