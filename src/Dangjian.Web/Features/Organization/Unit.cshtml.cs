using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization;

/// <summary>A unit: its facts, sub-units, people (paginated), supervision links and the allowed actions.</summary>
[RequirePermission(Permissions.OrgView)]
public sealed class UnitModel(AppDbContext db, ScopeGuard guard, OrgUnitOperations operations) : PageModel
{
    public sealed record PersonRow(Guid Id, string Name, string? Title, PartyStatus PartyStatus, PostRank PostRank, bool IsRetired);

    public sealed record UnitRow(Guid Id, string Name, OrgUnitKind Kind, bool IsActive, int SortOrder);

    public OrgUnit Unit { get; private set; } = null!;

    public string? ParentName { get; private set; }

    public string? MergedIntoName { get; private set; }

    public List<UnitRow> Children { get; private set; } = [];

    public Paged<PersonRow> People { get; private set; } = null!;

    public List<(Guid Id, Guid UnitId, string Name)> Supervises { get; private set; } = [];

    public List<(Guid Id, Guid UnitId, string Name)> SupervisedBy { get; private set; } = [];

    public List<OrgTree.Node> SupervisionCandidates { get; private set; } = [];

    public bool CanEdit => User.Can(Permissions.OrgEdit);

    public bool CanEditPeople => User.Can(Permissions.PeopleEdit);

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, Permissions.OrgEdit, u => operations.DeactivateAsync(u, ct), "已停用。", ct);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, Permissions.OrgEdit, async u =>
        {
            if (u.MergedIntoId is not null)
            {
                return "该单位已合并到其他单位，不能重新启用。";
            }

            u.IsActive = true;
            await db.SaveChangesAsync(ct);
            return null;
        }, "已重新启用。", ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var unit = await FindAsync(id, Permissions.OrgEdit, ct);
        var parent = unit.ParentId;
        if (await operations.DeleteAsync(unit, ct) is { } refusal)
        {
            TempData.Error(refusal);
            return RedirectToPage(new { id });
        }

        TempData.Success($"已删除“{unit.Name}”。");
        return parent is null ? RedirectToPage("/Organization/Index") : RedirectToPage(new { id = parent });
    }

    public async Task<IActionResult> OnPostSuperviseAsync(Guid id, Guid targetId, CancellationToken ct)
    {
        var unit = await FindAsync(id, Permissions.OrgEdit, ct);
        var target = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == targetId, ct);
        if (target is null || !await guard.CoversAsync(target.Path, ct) || target.Path.StartsWith(unit.Path, StringComparison.Ordinal))
        {
            TempData.Error("请选择本单位以外、您管理范围内的被督导单位。");
            return RedirectToPage(new { id });
        }

        if (await db.SupervisionLinks.AnyAsync(l => l.SupervisorUnitId == unit.Id && l.SupervisedUnitId == target.Id, ct))
        {
            TempData.Warning($"已在督导“{target.Name}”。");
            return RedirectToPage(new { id });
        }

        db.SupervisionLinks.Add(new SupervisionLink { SupervisorUnitId = unit.Id, SupervisedUnitId = target.Id });
        await db.SaveChangesAsync(ct);
        TempData.Success($"“{unit.Name}”的成员现在可以查看“{target.Name}”及其下级单位。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnsuperviseAsync(Guid id, Guid linkId, CancellationToken ct)
    {
        await FindAsync(id, Permissions.OrgEdit, ct);
        var link = await db.SupervisionLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.SupervisorUnitId == id, ct);
        if (link is not null)
        {
            db.SupervisionLinks.Remove(link);
            await db.SaveChangesAsync(ct);
            TempData.Success("已取消督导关系。");
        }

        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ActAsync(Guid id, string permission, Func<OrgUnit, Task<string?>> action, string done, CancellationToken ct)
    {
        var unit = await FindAsync(id, permission, ct);
        if (await action(unit) is { } refusal)
        {
            TempData.Error(refusal);
        }
        else
        {
            TempData.Success($"“{unit.Name}”{done}");
        }

        return RedirectToPage(new { id });
    }

    private async Task<OrgUnit> FindAsync(Guid id, string permission, CancellationToken ct)
    {
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException();
        await guard.RequireAsync(unit.Path, permission, ct);
        return unit;
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Unit = await FindAsync(id, Permissions.OrgView, ct);
        ParentName = Unit.ParentId is { } p ? await db.OrgUnits.Where(u => u.Id == p).Select(u => u.Name).SingleOrDefaultAsync(ct) : null;
        MergedIntoName = Unit.MergedIntoId is { } m ? await db.OrgUnits.Where(u => u.Id == m).Select(u => u.Name).SingleOrDefaultAsync(ct) : null;
        Children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == id)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new UnitRow(u.Id, u.Name, u.Kind, u.IsActive, u.SortOrder)).ToListAsync(ct);
        People = User.Can(Permissions.PeopleView)
            ? await db.People.AsNoTracking().Where(x => x.OrgUnitId == id)
                .OrderBy(x => x.PostRank).ThenBy(x => x.Name).ThenBy(x => x.Id)
                .Select(x => new PersonRow(x.Id, x.Name, x.Title, x.PartyStatus, x.PostRank, x.IsRetired))
                .ToPageAsync(PageNumber, 20, ct)
            : new Paged<PersonRow>([], 0, 1, 20);
        var links = await db.SupervisionLinks.AsNoTracking().Where(l => l.SupervisorUnitId == id || l.SupervisedUnitId == id)
            .Select(l => new { l.Id, l.SupervisorUnitId, l.SupervisedUnitId, Supervisor = l.SupervisorUnit!.Name, Supervised = l.SupervisedUnit!.Name })
            .ToListAsync(ct);
        Supervises = links.Where(l => l.SupervisorUnitId == id).Select(l => (l.Id, l.SupervisedUnitId, l.Supervised)).ToList();
        SupervisedBy = links.Where(l => l.SupervisedUnitId == id).Select(l => (l.Id, l.SupervisorUnitId, l.Supervisor)).ToList();
        if (CanEdit)
        {
            var scope = await guard.ScopeAsync(ct);
            SupervisionCandidates = (await OrgTree.ListAsync(db, scope, ct: ct))
                .Where(n => !n.Path.StartsWith(Unit.Path, StringComparison.Ordinal))
                .ToList();
        }

        ViewData.Trail(new Breadcrumb("组织架构", "/Organization"), new Breadcrumb(Unit.Name));
    }
}
