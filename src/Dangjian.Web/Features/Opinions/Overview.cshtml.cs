using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions;

/// <summary>听取意见概况: every figure of a campaign's listening on one page, as the summary will quote them.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class OverviewModel(AppDbContext db, ScopeGuard guard, ListeningFigures figures) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    public List<Option> Campaigns { get; private set; } = [];

    public ListeningFigures.Figures? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("听取意见概况"));
        Campaigns = await db.Campaigns.AsNoTracking().InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path)
            .OrderByDescending(c => c.StartsOn).Select(c => new Option(c.Id, c.Title)).Take(200).ToListAsync(ct);
        CampaignId = Campaigns.Any(c => c.Id == CampaignId) ? CampaignId : Campaigns.FirstOrDefault()?.Id;
        if (CampaignId is { } id)
        {
            Figures = await figures.ForCampaignAsync(id, ct);
        }
    }
}
