using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// A per-campaign page (谈心谈话, 整改台账, 简报 …): the campaign asked for in the query, the selector's list and the
/// campaign chosen, taken in one step from <see cref="CampaignPicker"/> (or a narrower picker of the same shape).
/// </summary>
public abstract class CampaignPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];

    public Campaign? Campaign { get; private set; }

    /// <summary>Takes the selector's answer (the list to show and the campaign chosen, whose id the form keeps); null when there is none.</summary>
    protected async Task<Campaign?> ChooseAsync(Task<CampaignPicker.Pick> picking)
    {
        ArgumentNullException.ThrowIfNull(picking);
        var pick = await picking;
        (Campaigns, Campaign, CampaignId) = (pick.Campaigns, pick.Campaign, pick.Campaign?.Id);
        return Campaign;
    }
}
