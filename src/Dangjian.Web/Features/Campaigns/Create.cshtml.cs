using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>新建活动 from a built-in template: the phases and typical milestones are laid out, then edited freely.</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class CreateModel(AppDbContext db, ScopeGuard guard, CampaignService service, CampaignAccess access, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string TemplateKey { get; set; } = CampaignTemplates.All[0].Key;

    [BindProperty]
    public string Title { get; set; } = "";

    [BindProperty]
    public string? Theme { get; set; }

    [BindProperty]
    public Guid ScopeUnitId { get; set; }

    [BindProperty]
    public DateOnly StartsOn { get; set; }

    public List<OrgTree.Node> Units { get; private set; } = [];

    public List<CampaignTemplates.Template> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        StartsOn = ChinaTime.Today(clock);
        await LoadAsync(ct);
        ScopeUnitId = Units.FirstOrDefault()?.Id ?? Guid.Empty;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var template = Templates.FirstOrDefault(t => t.Key == TemplateKey);
        if (template is null)
        {
            ModelState.AddModelError(nameof(TemplateKey), "请选择一个模板。");
        }

        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写活动名称（不超过200字）。");
        }

        if (Theme?.Length > 500)
        {
            ModelState.AddModelError(nameof(Theme), "活动主题不能超过500字。");
        }

        var unit = Units.FirstOrDefault(u => u.Id == ScopeUnitId);
        if (unit is null || !unit.IsActive)
        {
            ModelState.AddModelError(nameof(ScopeUnitId), "请选择您管理范围内在用的单位作为活动范围。");
        }

        if (StartsOn == default || StartsOn.Year is < 2000 or > 2100)
        {
            ModelState.AddModelError(nameof(StartsOn), "请填写开始日期。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var campaign = await service.CreateFromTemplateAsync(template!, Title, Theme, ScopeUnitId, StartsOn, await access.PersonIdAsync(ct), ct: ct);
        TempData.Success($"已按“{template!.Name}”模板创建活动，共{template.Phases.Count}个环节。请配备领导小组和督导组，并起草实施方案。");
        return RedirectToPage("/Campaigns/Details", new { id = campaign.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("活动列表", "/Campaigns"), new Breadcrumb("新建活动"));
        var scope = await guard.ScopeAsync(ct);
        Units = await OrgTree.ListAsync(db, scope, ct: ct);
        Templates = await service.TemplatesAsync(scope, ct);
    }
}
