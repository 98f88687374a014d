using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, SecurityLog log) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "请输入恢复码。")]
    [StringLength(32, ErrorMessage = "恢复码格式不正确。")]
    [Display(Name = "恢复码")]
    public string RecoveryCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", "", StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            var left = await signIn.UserManager.CountRecoveryCodesAsync(user);
            await log.RecordAsync(SecurityEventKind.RecoveryCodeUsed, user.UserName, user.Id, $"剩余{left}个");
            TempData.Warning($"已使用恢复码登录，还剩{left}个恢复码。建议在“账户安全”中重新生成。");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "错误次数过多，账户已锁定15分钟。");
            return Page();
        }

        await log.RecordAsync(SecurityEventKind.TwoFactorFailed, user.UserName, user.Id, "恢复码错误");
        ModelState.AddModelError(nameof(RecoveryCode), "恢复码无效或已使用。");
        return Page();
    }
}
