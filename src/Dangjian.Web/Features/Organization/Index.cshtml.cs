using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization;

/// <summary>组织架构: the tree of the units in scope, with search; and, on an empty system, the first unit.</summary>
[RequirePermission(Permissions.OrgView)]
public sealed class IndexModel(AppDbContext db, ScopeGuard guard, CurrentUser me) : PageModel
{
    public sealed record Hit(Guid Id, string Name, string Code, OrgUnitKind Kind, bool IsActive, string? ParentName);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public List<OrgTree.Node> Roots { get; private set; } = [];

    public Paged<Hit>? Hits { get; private set; }

    public bool SystemIsEmpty { get; private set; }

    public bool CanEdit => User.Can(Permissions.OrgEdit);

    [BindProperty]
    [Required(ErrorMessage = "请填写单位名称。")]
    [StringLength(100, ErrorMessage = "单位名称不能超过100个字。")]
    public string? FirstUnitName { get; set; }

    /// <summary>The top unit's code (its sub-units' codes and the account user names begin with it); “DW” when left blank.</summary>
    [BindProperty]
    [StringLength(20, ErrorMessage = "单位编码不能超过20个字符。")]
    [RegularExpression("^[A-Za-z0-9]+$", ErrorMessage = "单位编码只能包含英文字母和数字，如 KJJ。")]
    public string? FirstUnitCode { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("组织架构"));
        var scope = await guard.ScopeAsync(ct);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            Hits = await db.OrgUnits.AsNoTracking().InScope(scope, u => u.Path)
                .Where(u => u.Name.Contains(q) || u.Code.Contains(q))
                .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder).ThenBy(u => u.Id)
                .Select(u => new Hit(u.Id, u.Name, u.Code, u.Kind, u.IsActive, u.Parent == null ? null : u.Parent.Name))
                .ToPageAsync(PageNumber, 20, ct);
            return;
        }

        Roots = await OrgTree.LoadAsync(db, scope, withCounts: true, ct);
        SystemIsEmpty = Roots.Count == 0 && CanEdit && !await db.OrgUnits.AnyAsync(ct);
    }

    /// <summary>
    /// Only on a system with no units at all: creates the top unit and puts the person creating it into it,
    /// so their scope covers what they build next.
    /// </summary>
    public async Task<IActionResult> OnPostFirstUnitAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await db.OrgUnits.AnyAsync(ct))
        {
            TempData.Error("系统中已有组织，不能再初始化。");
            return RedirectToPage();
        }

        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return Page();
        }

        var unit = new OrgUnit { Name = FirstUnitName!.Trim(), Code = string.IsNullOrWhiteSpace(FirstUnitCode) ? "DW" : FirstUnitCode.Trim().ToUpperInvariant(), Kind = OrgUnitKind.Bureau };
        unit.PlaceUnder(null);
        db.OrgUnits.Add(unit);
        var user = await db.Users.SingleAsync(u => u.Id == me.Id, ct);
        if (user.PersonId is null)
        {
            var person = new Person { Name = user.DisplayName.Length > 0 ? user.DisplayName : user.UserName!, OrgUnitId = unit.Id, PartyStatus = PartyStatus.Full, PostRank = PostRank.Staff };
            db.People.Add(person);
            user.PersonId = person.Id;
        }

        await db.SaveChangesAsync(ct);
        TempData.Success($"已创建“{unit.Name}”。现在可以新建下级单位或批量导入。");
        return RedirectToPage("/Organization/Unit", new { id = unit.Id });
    }
}
