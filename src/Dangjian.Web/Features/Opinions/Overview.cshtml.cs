using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions;

/// <summary>听取意见概况: every figure of a campaign's listening on one page, as the summary will quote them.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class OverviewModel(ListeningAccess listening, ListeningFigures figures) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];

    public ListeningFigures.Figures? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("听取意见概况"));
        var pick = await listening.PickAsync(CampaignId, ct);
        (Campaigns, CampaignId) = (pick.Campaigns, pick.Campaign?.Id);
        if (CampaignId is { } id)
        {
            Figures = await figures.ForCampaignAsync(id, ct);
        }
    }
}
