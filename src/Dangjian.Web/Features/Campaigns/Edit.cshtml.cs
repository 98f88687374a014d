using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>修改活动: title, theme, period and the overlap setting; ending a campaign.</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class EditModel(AppDbContext db, CampaignAccess access) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    [BindProperty]
    public string Title { get; set; } = "";

    [BindProperty]
    public string? Theme { get; set; }

    [BindProperty]
    public DateOnly StartsOn { get; set; }

    [BindProperty]
    public DateOnly EndsOn { get; set; }

    [BindProperty]
    public bool PhasesOverlap { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        (Title, Theme, StartsOn, EndsOn, PhasesOverlap, LoadedVersion) = (Campaign.Title, Campaign.Theme, Campaign.StartsOn, Campaign.EndsOn, Campaign.PhasesOverlap, Campaign.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写活动名称（不超过200字）。");
        }

        if (EndsOn < StartsOn)
        {
            ModelState.AddModelError(nameof(EndsOn), "结束日期不能早于开始日期。");
        }

        var outside = await db.Phases.Where(p => p.CampaignId == id && (p.StartsOn < StartsOn || p.EndsOn > EndsOn)).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (outside is not null)
        {
            ModelState.AddModelError(nameof(StartsOn), $"环节“{outside}”会落在活动期间之外，请先调整该环节的时间。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.ExpectVersion(Campaign, LoadedVersion);
        (Campaign.Title, Campaign.Theme, Campaign.StartsOn, Campaign.EndsOn, Campaign.PhasesOverlap) =
            (Title.Trim(), Theme.NullIfBlank(), StartsOn, EndsOn, PhasesOverlap);
        if (!await db.SaveOrReportConflictAsync(ModelState, "该活动", ct))
        {
            return Page();
        }

        TempData.Success("活动信息已保存。");
        return RedirectToPage("/Campaigns/Details", new { id });
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Campaign.Status != CampaignStatus.Running)
        {
            TempData.Error("只有进行中的活动可以结束。");
        }
        else
        {
            Campaign.Status = CampaignStatus.Ended;
            await db.SaveChangesAsync(ct);
            TempData.Success("活动已结束。节点提醒随之停止。");
        }

        return RedirectToPage("/Campaigns/Details", new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Campaign = await access.FindAsync(id, Permissions.CampaignsEdit, ct);
        ViewData.Trail(new Breadcrumb("活动列表", "/Campaigns"), new Breadcrumb(Campaign.Title, $"/Campaigns/Details?id={id}"), new Breadcrumb("修改"));
    }
}
