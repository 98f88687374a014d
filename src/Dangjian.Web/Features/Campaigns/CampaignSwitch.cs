using Microsoft.AspNetCore.WebUtilities;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>Where the top bar's campaign switcher goes back to: the page the person was on, showing the campaign just chosen.</summary>
public static class CampaignSwitch
{
    /// <summary>
    /// <paramref name="url"/> (local) with its <c>campaignId</c> replaced by <paramref name="campaignId"/> (and its other filters dropped), or a campaign's
    /// own details and edit pages turned to the chosen campaign; any other page is returned to as it was (a page without a
    /// campaign in its address follows the remembered choice by itself).
    /// </summary>
    public static string Retarget(string url, Guid campaignId)
    {
        ArgumentNullException.ThrowIfNull(url);
        var cut = url.IndexOfAny(['?', '#']);
        var path = cut < 0 ? url : url[..cut];
        var query = cut >= 0 && url[cut] == '?' ? QueryHelpers.ParseQuery(url[cut..].Split('#')[0]) : [];
        var id = campaignId.ToString();
        if (path.Equals("/Campaigns/Details", StringComparison.OrdinalIgnoreCase) || path.Equals("/Campaigns/Observe", StringComparison.OrdinalIgnoreCase))
        {
            return QueryHelpers.AddQueryString(path, "id", id);
        }

        if (!query.Keys.Any(k => k.Equals("campaignId", StringComparison.OrdinalIgnoreCase)))
        {
            return url.Split('#')[0];
        }

        // The page's other filters (a phase, a unit, a page number) belong to the campaign left: they are dropped.
        return QueryHelpers.AddQueryString(path, "campaignId", id);
    }
}
