using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>Evidence attached to a progress report is readable by whoever may see the item's campaign (never by the public).</summary>
public sealed class EvidenceFileRule(AppDbContext db, CampaignAccess access) : IFileAccessRule
{
    public const string Owner = "ProgressReport";

    public string OwnerType => Owner;

    public async Task<bool> CanReadAsync(Guid ownerId, CancellationToken ct)
    {
        var campaignId = await db.ProgressReports.Where(r => r.Id == ownerId)
            .Join(db.RectificationItems, r => r.ItemId, i => i.Id, (r, i) => (Guid?)i.CampaignId).SingleOrDefaultAsync(ct);
        if (campaignId is null)
        {
            return false;
        }

        await access.FindAsync(campaignId.Value, Permissions.CampaignsView, ct);
        return true;
    }
}
