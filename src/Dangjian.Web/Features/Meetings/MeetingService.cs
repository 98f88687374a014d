using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings;

/// <summary>
/// Who records life meetings (the office running the campaign) and who reads their records (the office, the supervision
/// group, and those who attended — criticism is not for everyone), and who is expected at each kind.
/// </summary>
public sealed class MeetingService(AppDbContext db, CampaignAccess access, CampaignService campaigns)
{
    public sealed record Rights(bool Manage, bool Supervisor, Guid? PersonId);

    public async Task<Rights> RightsAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var personId = await access.PersonIdAsync(ct);
        var membership = await campaigns.MembershipAsync(campaign.Id, personId, ct);
        return new Rights(await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct), membership.IsSupervisor, personId);
    }

    public async Task<bool> MayReadAsync(Rights rights, Guid meetingId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rights);
        return rights.Manage || rights.Supervisor
            || (rights.PersonId is { } me && await db.MeetingAttendees.AnyAsync(a => a.MeetingId == meetingId && a.PersonId == me, ct));
    }

    /// <summary>
    /// Who is expected: the 班子成员 at a 民主生活会; every cadre (班子成员 and 中层) at a 通报会; the party members of the
    /// branch's units at a 组织生活会.
    /// </summary>
    public async Task<List<Guid>> ExpectedAsync(MeetingKind kind, Guid unitId, CancellationToken ct = default)
    {
        // A branch serves the organ it sits in (机关党支部 → the bureau's staff), so its members are found under its parent.
        var unit = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => new { u.Path, u.Kind, ParentPath = u.Parent != null ? u.Parent.Path : null }).SingleAsync(ct);
        var path = kind == MeetingKind.OrganizationLife && unit.Kind is OrgUnitKind.Branch or OrgUnitKind.GeneralBranch && unit.ParentPath is { } parent ? parent : unit.Path;
        var people = db.People.Where(p => p.OrgUnit!.Path.StartsWith(path));
        people = kind switch
        {
            MeetingKind.DemocraticLife => people.Where(p => p.PostRank == PostRank.TeamMember && !p.IsRetired),
            MeetingKind.Briefing => people.Where(p => p.PostRank != PostRank.Staff && !p.IsRetired),
            _ => people.Where(p => p.PartyStatus == PartyStatus.Full || p.PartyStatus == PartyStatus.Probationary),
        };
        return await people.OrderBy(p => p.PostRank).ThenBy(p => p.CreatedAt).Select(p => p.Id).Take(2000).ToListAsync(ct);
    }
}
