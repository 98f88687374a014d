using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>Who may do what with a campaign's rectification.</summary>
public sealed class RectificationService(AppDbContext db, CampaignAccess access, CampaignService campaigns)
{
    /// <summary>Manage: plan and edit items (the office running the campaign). Verify: close and reopen (the office or the supervision group).</summary>
    public sealed record Rights(bool Manage, bool Verify, Guid? PersonId, Guid? UnitId)
    {
        /// <summary>Progress is reported by the office, the responsible leader, or anyone of the responsible department.</summary>
        public bool MayReport(RectificationItem item) => Manage || (PersonId is { } p && (p == item.LeaderPersonId || UnitId == item.DepartmentId));
    }

    public async Task<Rights> RightsAsync(Campaign campaign, CancellationToken ct = default)
    {
        var personId = await access.PersonIdAsync(ct);
        var unitId = personId is { } p ? await db.People.Where(x => x.Id == p).Select(x => (Guid?)x.OrgUnitId).SingleOrDefaultAsync(ct) : null;
        var manage = await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        var membership = await campaigns.MembershipAsync(campaign.Id, personId, ct);
        return new Rights(manage, manage || membership.IsSupervisor, personId, unitId);
    }
}
