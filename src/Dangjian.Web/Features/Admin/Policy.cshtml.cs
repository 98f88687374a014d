using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Admin;

/// <summary>安全策略: password, lockout, session and token rules. Security administrator only; audited; applied at once.</summary>
[RequirePermission(Permissions.PolicyManage)]
public sealed class PolicyModel(AppDbContext db, SecurityPolicy policy) : PageModel
{
    [BindProperty]
    public SecuritySettings Input { get; set; } = new();

    [BindProperty]
    public Guid? Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Trail();
        Input = policy.Snapshot();
        Version = await db.SecuritySettings.OrderBy(s => s.CreatedAt).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Trail();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var errors = await policy.SaveAsync(db, Input, Version, ct);
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "安全策略已被他人修改，您的修改尚未保存。请刷新页面后再改。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData.Success("安全策略已保存并立即生效。");
        return RedirectToPage();
    }

    private void Trail() => ViewData.Trail(new Breadcrumb("安全策略"));
}
