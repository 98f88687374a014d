using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Infrastructure;

/// <summary>Campaigns a test adds beside the demo's.</summary>
public static class TestCampaigns
{
    /// <summary>
    /// Adds a running campaign (from 90 days ago to 30 days ahead) run by the demo bureau — or, when
    /// <paramref name="foreign"/>, by a new organization outside every demo account's scope — with whatever
    /// <paramref name="records"/> adds in the same save; returns its id.
    /// </summary>
    public static Task<Guid> AddCampaignAsync(this AppFactory app, string title, bool foreign = false, Action<AppDbContext, Campaign>? records = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(async db =>
        {
            Guid unitId;
            if (foreign)
            {
                var root = new OrgUnit { Name = $"{title}所属单位", Code = $"F{Guid.NewGuid():N}"[..12], Kind = OrgUnitKind.Bureau };
                root.Path = $"/{root.Id:N}/";
                db.OrgUnits.Add(root);
                unitId = root.Id;
            }
            else
            {
                unitId = await db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.ScopeUnitId).FirstAsync();
            }

            var campaign = new Campaign { Title = title, ScopeUnitId = unitId, StartsOn = app.Today.AddDays(-90), EndsOn = app.Today.AddDays(30), Status = CampaignStatus.Running };
            db.Campaigns.Add(campaign);
            records?.Invoke(db, campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });
    }
}
