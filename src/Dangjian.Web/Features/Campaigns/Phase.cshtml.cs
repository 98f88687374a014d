using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>Adjusts a phase's name and planned window, within the campaign period and without overlaps (unless allowed).</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class PhaseModel(AppDbContext db, CampaignAccess access) : PageModel
{
    public Phase Phase { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public DateOnly StartsOn { get; set; }

    [BindProperty]
    public DateOnly EndsOn { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        (Name, StartsOn, EndsOn, LoadedVersion) = (Phase.Name, Phase.StartsOn, Phase.EndsOn, Phase.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            ModelState.AddModelError(nameof(Name), "请填写环节名称（不超过100字）。");
        }

        var siblings = await db.Phases.AsNoTracking().Where(p => p.CampaignId == Campaign.Id).Select(p => new CampaignRules.Window(p.Id, p.StartsOn, p.EndsOn)).ToListAsync(ct);
        if (CampaignRules.CheckPhaseWindow(Campaign.StartsOn, Campaign.EndsOn, Campaign.PhasesOverlap, new CampaignRules.Window(Phase.Id, StartsOn, EndsOn), siblings) is { } problem)
        {
            ModelState.AddModelError(nameof(StartsOn), problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.ExpectVersion(Phase, LoadedVersion);
        (Phase.Name, Phase.StartsOn, Phase.EndsOn) = (Name.Trim(), StartsOn, EndsOn);
        if (!await db.SaveOrReportConflictAsync(ModelState, "该环节", ct))
        {
            return Page();
        }

        TempData.Success("环节时间已保存。");
        return RedirectToPage("/Campaigns/Details", new { id = Campaign.Id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Phase = await db.Phases.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        Campaign = await access.FindAsync(Phase.CampaignId, Permissions.CampaignsEdit, ct);
        ViewData.Trail(new Breadcrumb("活动列表", "/Campaigns"), new Breadcrumb(Campaign.Title, $"/Campaigns/Details?id={Campaign.Id}"), new Breadcrumb(Phase.Name));
    }
}
