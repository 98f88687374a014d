using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Account;

/// <summary>The person's own account security: password age, second factor, recovery codes.</summary>
public sealed class SecurityModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    SecurityLog log,
    IOptions<SecurityOptions> security,
    TimeProvider clock) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public bool IsAdministrator { get; private set; }

    public DateTime? PasswordChangedAt { get; private set; }

    public int? PasswordDaysLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ViewData.Trail(new Breadcrumb("账户安全"));
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        IsAdministrator = (await users.GetRolesAsync(user)).Any(Roles.IsAdministrator);
        PasswordChangedAt = user.PasswordChangedAt;
        PasswordDaysLeft = PasswordPolicy.DaysLeft(user, security.Value, clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if ((await users.GetRolesAsync(user)).Any(Roles.IsAdministrator))
        {
            TempData.Error("管理员账户必须保持两步验证，不能关闭。");
            return RedirectToPage();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await log.RecordAsync(SecurityEventKind.TwoFactorEnabled, user.UserName, user.Id, "已关闭两步验证");
        TempData.Warning("两步验证已关闭。");
        return RedirectToPage();
    }
}
