using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization;

/// <summary>New sub-unit (<c>?parentId=</c>) or edit (<c>?id=</c>) of a unit in scope.</summary>
[RequirePermission(Permissions.OrgEdit)]
public sealed class EditUnitModel(AppDbContext db, ScopeGuard guard) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public string? ParentName { get; private set; }

    public bool IsNew => Input.Id is null;

    public sealed class UnitInput
    {
        public Guid? Id { get; set; }

        public Guid? ParentId { get; set; }

        public Guid Version { get; set; }

        [Required(ErrorMessage = "请填写单位名称。")]
        [StringLength(100, ErrorMessage = "单位名称不能超过100个字。")]
        [Display(Name = "单位名称")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "请填写单位编码。")]
        [StringLength(50, ErrorMessage = "单位编码不能超过50个字符。")]
        [RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "单位编码只能包含字母、数字、短横线和下划线。")]
        [Display(Name = "单位编码")]
        public string Code { get; set; } = "";

        [Display(Name = "类别")]
        public OrgUnitKind Kind { get; set; } = OrgUnitKind.Department;

        [Range(0, 9999, ErrorMessage = "排序号须在0到9999之间。")]
        [Display(Name = "排序号")]
        public int SortOrder { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? parentId, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var unit = await FindAsync(existing, ct);
            Input = new UnitInput { Id = unit.Id, ParentId = unit.ParentId, Version = unit.Version, Name = unit.Name, Code = unit.Code, Kind = unit.Kind, SortOrder = unit.SortOrder };
        }
        else
        {
            var parent = await FindAsync(parentId ?? Guid.Empty, ct);
            var next = await db.OrgUnits.Where(u => u.ParentId == parent.Id).MaxAsync(u => (int?)u.SortOrder, ct) ?? 0;
            Input = new UnitInput { ParentId = parent.Id, SortOrder = next + 10, Code = parent.Code + "-" };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "请选择类别。");
        }

        var code = Input.Code.Trim();
        if (ModelState.IsValid && await db.OrgUnits.AnyAsync(u => u.Code == code && u.Id != Input.Id, ct))
        {
            ModelState.AddModelError("Input.Code", $"单位编码“{code}”已被其他单位使用。");
        }

        OrgUnit unit;
        if (Input.Id is { } id)
        {
            unit = await FindAsync(id, ct);
            db.ExpectVersion(unit, Input.Version);
        }
        else
        {
            var parent = await FindAsync(Input.ParentId ?? Guid.Empty, ct);
            if (!parent.IsActive)
            {
                ModelState.AddModelError("", "不能在已停用的单位下新建单位。");
            }

            unit = new OrgUnit { Name = "", Code = "" };
            unit.PlaceUnder(parent);
            db.OrgUnits.Add(unit);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        unit.Name = Input.Name.Trim();
        unit.Code = code;
        unit.Kind = Input.Kind;
        unit.SortOrder = Input.SortOrder;
        if (!await db.SaveOrReportConflictAsync(ModelState, "该单位", ct))
        {
            await LoadAsync(ct);
            return Page();
        }

        TempData.Success(IsNew ? $"已新建“{unit.Name}”。" : "已保存。");
        return RedirectToPage("/Organization/Unit", new { id = unit.Id });
    }

    private async Task<OrgUnit> FindAsync(Guid id, CancellationToken ct)
    {
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException();
        await guard.RequireAsync(unit.Path, Permissions.OrgEdit, ct);
        return unit;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ParentName = Input.ParentId is { } p ? await db.OrgUnits.Where(u => u.Id == p).Select(u => u.Name).SingleOrDefaultAsync(ct) : null;
        ViewData.Trail(new Breadcrumb("组织架构", "/Organization"), new Breadcrumb(IsNew ? "新建单位" : "修改单位"));
    }
}
