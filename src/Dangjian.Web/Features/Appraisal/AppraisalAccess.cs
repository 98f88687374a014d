using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>An appraisal for reading (its campaign visible to the caller) and whether the caller runs it (campaign office of that organization).</summary>
public sealed class AppraisalAccess(AppDbContext db, CampaignAccess campaigns)
{
    public async Task<(Appraisal Appraisal, Campaign Campaign, bool CanManage)> FindAsync(Guid id, CancellationToken ct = default)
    {
        var appraisal = await db.Appraisals.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        var campaign = await campaigns.FindAsync(appraisal.CampaignId, Permissions.CampaignsView, ct);
        return (appraisal, campaign, await CanManageAsync(campaign, ct));
    }

    public Task<bool> CanManageAsync(Campaign campaign, CancellationToken ct = default) => campaigns.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
}
