using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Admin.RoleAdmin;

/// <summary>角色权限: which permissions each role holds. Security administrator only; administrator roles are fixed.</summary>
[RequirePermission(Permissions.RolesManage)]
public sealed class IndexModel(RolePermissions permissions) : PageModel
{
    public Dictionary<string, HashSet<string>> Grants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("角色权限"));
        Grants = await permissions.CurrentAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? role, List<string>? granted, CancellationToken ct)
    {
        role ??= "";
        var refusal = await permissions.SetAsync(role, granted ?? [], ct);
        if (refusal is null)
        {
            TempData.Success($"已保存“{Platform.Identity.Roles.DisplayNames.GetValueOrDefault(role, role)}”的权限，成员最迟5分钟内生效。");
        }
        else
        {
            TempData.Error(refusal);
        }

        return RedirectToPage();
    }
}
