using System.ComponentModel.DataAnnotations;
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
    public CreateInput Input { get; set; } = new();

    public List<OrgTree.Node> Units { get; private set; } = [];

    public List<CampaignTemplates.Template> Templates { get; private set; } = [];

    public sealed class CreateInput : CampaignNameInput
    {
        [Display(Name = "模板")]
        public string TemplateKey { get; set; } = CampaignTemplates.All[0].Key;

        [Display(Name = "活动范围")]
        public Guid ScopeUnitId { get; set; }

        [Display(Name = "开始日期")]
        public DateOnly StartsOn { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.StartsOn = ChinaTime.Today(clock);
        await LoadAsync(ct);
        Input.ScopeUnitId = Units.FirstOrDefault()?.Id ?? Guid.Empty;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var template = Templates.FirstOrDefault(t => t.Key == Input.TemplateKey);
        if (template is null)
        {
            ModelState.AddModelError(Field(nameof(CreateInput.TemplateKey)), "请选择一个模板。");
        }

        var unit = Units.FirstOrDefault(u => u.Id == Input.ScopeUnitId);
        if (unit is null || !unit.IsActive)
        {
            ModelState.AddModelError(Field(nameof(CreateInput.ScopeUnitId)), "请选择您管理范围内在用的单位作为活动范围。");
        }

        if (Input.StartsOn == default || Input.StartsOn.Year is < 2000 or > 2100)
        {
            ModelState.AddModelError(Field(nameof(CreateInput.StartsOn)), "请填写开始日期。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var campaign = await service.CreateFromTemplateAsync(template!, Input.Title, Input.Theme, Input.ScopeUnitId, Input.StartsOn, await access.PersonIdAsync(ct), ct: ct);
        TempData.Success($"已按“{template!.Name}”模板创建活动，共{template.Phases.Count}个环节。请配备领导小组和督导组，并起草实施方案。");
        return RedirectToPage("/Campaigns/Details", new { id = campaign.Id });
    }

    private static string Field(string name) => nameof(Input) + "." + name;

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("活动列表", "/Campaigns"), new Breadcrumb("新建活动"));
        var scope = await guard.ScopeAsync(ct);
        Units = await OrgTree.ListAsync(db, scope, ct: ct);
        Templates = await service.TemplatesAsync(scope, ct);
    }
}
