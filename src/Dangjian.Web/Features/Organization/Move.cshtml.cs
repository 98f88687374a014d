using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization;

/// <summary>Moves a unit with its subtree (<c>?id=</c>), or merges it into another (<c>?id=…&amp;merge=true</c>).</summary>
[RequirePermission(Permissions.OrgEdit)]
public sealed class MoveModel(AppDbContext db, ScopeGuard guard, OrgUnitOperations operations) : PageModel
{
    public OrgUnit Unit { get; private set; } = null!;

    public List<OrgTree.Node> Targets { get; private set; } = [];

    [BindProperty]
    public Guid TargetId { get; set; }

    /// <summary>Merge instead of move.</summary>
    [BindProperty(SupportsGet = true, Name = "merge")]
    public bool IsMerge { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var target = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == TargetId, ct);
        if (target is null || !await guard.CoversAsync(target.Path, ct))
        {
            ModelState.AddModelError(nameof(TargetId), "请选择您管理范围内的目标单位。");
            return Page();
        }

        var refusal = IsMerge ? await operations.MergeAsync(Unit, target, ct) : await operations.MoveAsync(Unit, target, ct);
        if (refusal is not null)
        {
            ModelState.AddModelError(nameof(TargetId), refusal);
            return Page();
        }

        TempData.Success(IsMerge ? $"“{Unit.Name}”已并入“{target.Name}”。" : $"“{Unit.Name}”已移到“{target.Name}”之下。");
        return RedirectToPage("/Organization/Unit", new { id = IsMerge ? target.Id : Unit.Id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException();
        await guard.RequireAsync(Unit.Path, Permissions.OrgEdit, ct);
        var scope = await guard.ScopeAsync(ct);
        Targets = (await OrgTree.ListAsync(db, scope, ct: ct))
            .Where(n => !n.Path.StartsWith(Unit.Path, StringComparison.Ordinal) && (IsMerge || n.Id != Unit.ParentId))
            .ToList();
        ViewData.Trail(new Breadcrumb("组织架构", "/Organization"), new Breadcrumb(Unit.Name, $"/Organization/Unit?id={Unit.Id}"), new Breadcrumb(IsMerge ? "合并" : "移动"));
    }
}
