using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

public sealed record CampaignOption(Guid Id, string Name);

/// <summary>
/// The campaign selector of the per-campaign pages (talks, problems, rectification, meetings …): the campaigns the caller
/// may see — run in their scope or by a unit above them — newest first, and the one asked for, else the newest.
/// </summary>
public sealed class CampaignPicker(AppDbContext db, ScopeGuard guard)
{
    public const int MaxListed = 200;

    public sealed record Pick(IReadOnlyList<CampaignOption> Campaigns, Campaign? Campaign);

    public async Task<Pick> PickAsync(Guid? requested, CancellationToken ct = default)
    {
        var visible = db.Campaigns.AsNoTracking().InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path);
        var list = await visible.OrderByDescending(c => c.StartsOn).Select(c => new CampaignOption(c.Id, c.Title)).Take(MaxListed).ToListAsync(ct);
        var id = list.Any(c => c.Id == requested) ? requested : list.FirstOrDefault()?.Id;
        return new Pick(list, id is { } chosen ? await visible.SingleAsync(c => c.Id == chosen, ct) : null);
    }
}
