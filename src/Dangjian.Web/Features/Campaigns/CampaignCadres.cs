using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>The cadres a campaign's forms offer (谈话人, 调研组组长, 联系领导): 班子成员 and 中层干部 inside its scope, in post order.</summary>
public static class CampaignCadres
{
    public sealed record Option(Guid Id, string Name);

    public static async Task<List<Option>> CadresAsync(this AppDbContext db, Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(campaign);
        var path = await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        return await db.People.AsNoTracking().Where(p => !p.IsRetired && p.PostRank != PostRank.Staff && p.OrgUnit!.Path.StartsWith(path))
            .OrderBy(p => p.PostRank).ThenBy(p => p.OrgUnit!.SortOrder).ThenBy(p => p.CreatedAt)
            .Select(p => new Option(p.Id, p.Name + "（" + (p.Title ?? p.OrgUnit!.Name) + "）")).Take(1000).ToListAsync(ct);
    }
}
