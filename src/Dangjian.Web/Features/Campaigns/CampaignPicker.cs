using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

public sealed record CampaignOption(Guid Id, string Name);

/// <summary>
/// The campaign selector of the per-campaign pages (talks, problems, rectification, meetings …): the campaigns the caller
/// may see — run in their scope or by a unit above them — newest first, and the one asked for, else the newest. The list
/// is shared by everyone of one scope through the figure cache and forgotten when a campaign is saved on this instance
/// (every campaign page shows it; at the province scale it was the costliest query of the 整改台账 but one).
/// </summary>
public sealed class CampaignPicker(AppDbContext db, ScopeGuard guard, FigureCache cache)
{
    private static readonly Type[] Listed = [typeof(Campaign)];

    public const int MaxListed = 200;

    public sealed record Pick(IReadOnlyList<CampaignOption> Campaigns, Campaign? Campaign);

    public Task<Pick> PickAsync(Guid? requested, CancellationToken ct = default) => PickAsync(requested, "campaigns", Visible, ct);

    /// <summary>
    /// The same selector over a narrower set of campaigns (the listening pages list only those whose material the caller
    /// reads); <paramref name="name"/> keys the cached list, so each set is cached apart.
    /// </summary>
    public async Task<Pick> PickAsync(Guid? requested, string name, Func<AppDbContext, DataScope, IQueryable<Campaign>> visibleTo, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(visibleTo);
        var scope = await guard.ScopeAsync(ct);
        var visible = visibleTo(db, scope);
        var list = await cache.GetAsync($"{name}:{scope.Key}", async (services, token) => (IReadOnlyList<CampaignOption>)await visibleTo(services.GetRequiredService<AppDbContext>(), scope)
            .OrderByDescending(c => c.StartsOn).Select(c => new CampaignOption(c.Id, c.Title)).Take(MaxListed).ToListAsync(token), Listed, ct);
        var id = list.Any(c => c.Id == requested) ? requested : list.Count > 0 ? list[0].Id : null;
        return new Pick(list, id is { } chosen ? await visible.SingleOrDefaultAsync(c => c.Id == chosen, ct) : null);
    }

    private static IQueryable<Campaign> Visible(AppDbContext db, DataScope scope) =>
        db.Campaigns.AsNoTracking().InScopeOrAbove(scope, c => c.ScopeUnit!.Path);
}
