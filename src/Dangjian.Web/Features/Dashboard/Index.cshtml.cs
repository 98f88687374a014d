using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Dashboard;

/// <summary>领导驾驶舱: a full-screen view across every unit in the caller's scope — for the office, leaders and the supervision group.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(Cockpit cockpit, ScopeGuard guard) : PageModel
{
    public CockpitPage? Screen { get; private set; }

    /// <summary>The page of the campaign table (<c>cp</c>) and of the rectification table (<c>pp</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "cp")]
    public int CampaignPage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "pp")]
    public int PlanPage { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(User.IsInRole(Roles.CampaignOffice) || User.IsInRole(Roles.Leader) || User.IsInRole(Roles.Supervisor)))
        {
            return Forbid();
        }

        Screen = CockpitPage.Build(await cockpit.ForAsync(await guard.ScopeAsync(ct), ct), "领导驾驶舱", dark: true, CampaignPage, PlanPage);
        return Page();
    }
}
