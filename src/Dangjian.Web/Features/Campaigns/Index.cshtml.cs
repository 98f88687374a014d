using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>活动列表: campaigns whose scope lies in the caller's scope, with progress.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, ScopeGuard guard, TimeProvider clock, CampaignPicker picker) : PageModel
{
    public sealed record Row(Guid Id, string Title, string Unit, DateOnly StartsOn, DateOnly EndsOn, CampaignStatus Status, string? CurrentPhase, int Milestones, int Done, int Overdue);

    [BindProperty(SupportsGet = true)]
    public CampaignStatus? Status { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Campaigns { get; private set; } = null!;

    public bool CanCreate => User.Can(Permissions.CampaignsEdit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("活动列表"));
        var today = ChinaTime.Today(clock);
        var campaigns = db.Campaigns.AsNoTracking().InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path);
        if (Status is { } status)
        {
            campaigns = campaigns.Where(c => c.Status == status);
        }

        Campaigns = await campaigns.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id)
            .Select(c => new Row(
                c.Id, c.Title, c.ScopeUnit!.Name, c.StartsOn, c.EndsOn, c.Status,
                db.Phases.Where(p => p.CampaignId == c.Id && p.Status != PhaseStatus.NotStarted && p.Status != PhaseStatus.Completed).OrderBy(p => p.Order).Select(p => p.Name).FirstOrDefault(),
                db.Milestones.Count(m => m.CampaignId == c.Id),
                db.Milestones.Count(m => m.CampaignId == c.Id && m.Status == MilestoneStatus.Done),
                db.Milestones.Count(m => m.CampaignId == c.Id && m.Status == MilestoneStatus.Open && m.Deadline < today)))
            .ToPageAsync(PageNumber, 20, ct);
    }

    /// <summary>
    /// The top bar's switcher: makes a campaign the caller may see their current one and goes back to the page they were
    /// on — with the new campaign where that page named one (<c>campaignId=</c>, or a campaign's own details page).
    /// </summary>
    public async Task<IActionResult> OnPostSwitchAsync(Guid campaignId, string? returnUrl, CancellationToken ct)
    {
        if (!await picker.SwitchAsync(campaignId, ct))
        {
            return NotFound();
        }

        var back = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        return LocalRedirect(CampaignSwitch.Retarget(back, campaignId));
    }
}
