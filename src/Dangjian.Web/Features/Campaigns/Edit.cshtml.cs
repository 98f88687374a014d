using System.ComponentModel.DataAnnotations;
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
    public CampaignInput Input { get; set; } = new();

    public sealed class CampaignInput : CampaignNameInput
    {
        [Display(Name = "开始日期")]
        public DateOnly StartsOn { get; set; }

        [Display(Name = "结束日期")]
        public DateOnly EndsOn { get; set; }

        [Display(Name = "不分阶段、不搞转段")]
        public bool PhasesOverlap { get; set; }

        public Guid Version { get; set; }

        public static CampaignInput From(Campaign c) =>
            new() { Title = c.Title, Theme = c.Theme, StartsOn = c.StartsOn, EndsOn = c.EndsOn, PhasesOverlap = c.PhasesOverlap, Version = c.Version };

        public void ApplyTo(Campaign c) =>
            (c.Title, c.Theme, c.StartsOn, c.EndsOn, c.PhasesOverlap) = (Title.Trim(), Theme.NullIfBlank(), StartsOn, EndsOn, PhasesOverlap);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input = CampaignInput.From(Campaign);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Input.EndsOn < Input.StartsOn)
        {
            ModelState.AddModelError(Field(nameof(CampaignInput.EndsOn)), "结束日期不能早于开始日期。");
        }

        var (starts, ends) = (Input.StartsOn, Input.EndsOn);
        var outside = await db.Phases.Where(p => p.CampaignId == id && (p.StartsOn < starts || p.EndsOn > ends)).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (outside is not null)
        {
            ModelState.AddModelError(Field(nameof(CampaignInput.StartsOn)), $"环节“{outside}”会落在活动期间之外，请先调整该环节的时间。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.ExpectVersion(Campaign, Input.Version);
        Input.ApplyTo(Campaign);
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

    private static string Field(string name) => nameof(Input) + "." + name;

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Campaign = await access.FindAsync(id, Permissions.CampaignsEdit, ct);
        ViewData.Trail(new Breadcrumb("活动列表", "/Campaigns"), new Breadcrumb(Campaign.Title, $"/Campaigns/Details?id={id}"), new Breadcrumb("修改"));
    }
}

/// <summary>What the campaign's create and edit forms both ask: its name and theme.</summary>
public class CampaignNameInput
{
    [Required(ErrorMessage = "请填写活动名称（不超过200字）。")]
    [StringLength(Campaign.TitleMax, ErrorMessage = "请填写活动名称（不超过200字）。")]
    [Display(Name = "活动名称")]
    public string Title { get; set; } = "";

    [StringLength(Campaign.ThemeMax, ErrorMessage = "活动主题不能超过500字。")]
    [Display(Name = "活动主题")]
    public string? Theme { get; set; }
}
