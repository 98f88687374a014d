using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Account.TwoFactor;

/// <summary>Shows newly generated recovery codes once, and generates a new set on request.</summary>
public sealed class RecoveryCodesModel(UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        ViewData.Trail(new Breadcrumb("账户安全", "/Account/Security"), new Breadcrumb("恢复码"));
        if (TempData[EnableModel.RecoveryCodesKey] is not string codes)
        {
            return RedirectToPage("/Account/Security");
        }

        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            TempData.Error("尚未启用两步验证，无法生成恢复码。");
            return RedirectToPage("/Account/Security");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        TempData[EnableModel.RecoveryCodesKey] = string.Join(' ', codes);
        TempData.Success("已生成新的恢复码，旧恢复码全部作废。");
        return RedirectToPage();
    }
}
