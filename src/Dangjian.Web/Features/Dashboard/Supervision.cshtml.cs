using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Dashboard;

/// <summary>督导看板: the cockpit over only the units the caller's supervision group supervises (not its own unit).</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class SupervisionModel(Cockpit cockpit, CurrentUser me) : PageModel
{
    public CockpitPage? Screen { get; private set; }

    /// <summary>The page of the campaign table (<c>cp</c>) and of the rectification table (<c>pp</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "cp")]
    public int CampaignPage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "pp")]
    public int PlanPage { get; set; } = 1;

    public int Supervised { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Supervisor))
        {
            return Forbid();
        }

        ViewData.Trail(new Breadcrumb("督导看板"));
        var own = (await me.GetProfileAsync(ct))?.UnitPath;
        var scope = await me.GetScopeAsync(ct);

        // The supervised subtrees are the scope's prefixes that do not hold the caller's own unit.
        var supervised = scope.PathPrefixes.Where(p => own is null || !own.StartsWith(p, StringComparison.Ordinal)).ToList();
        Supervised = supervised.Count;
        Screen = CockpitPage.Build(await cockpit.ForAsync(new DataScope(supervised), ct), "督导看板", dark: false, CampaignPage, PlanPage);
        return Page();
    }
}
