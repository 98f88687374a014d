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
public sealed class OverviewModel(ListeningAccess listening, ListeningFigures figures) : CampaignPageModel
{
    public ListeningFigures.Figures? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("听取意见概况"));
        await ChooseAsync(listening.PickAsync(CampaignId, ct));
        if (CampaignId is { } id)
        {
            Figures = await figures.ForCampaignAsync(id, ct);
        }
    }
}
