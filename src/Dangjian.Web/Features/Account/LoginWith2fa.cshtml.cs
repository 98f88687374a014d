using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Account;

/// <summary>Second step of sign-in for accounts with an authenticator: the 6-digit code.</summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, SecurityLog log, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "请输入验证码。")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "验证码应为6位数字。")]
    [Display(Name = "验证码")]
    public string Code { get; set; } = "";

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

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await signIn.UserManager.UpdateAsync(user);
            await log.RecordAsync(SecurityEventKind.SignInSucceeded, user.UserName, user.Id, "两步验证");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            await log.RecordAsync(SecurityEventKind.LockedOut, user.UserName, user.Id, "验证码连续错误");
            ModelState.AddModelError("", "验证码连续错误次数过多，账户已锁定15分钟。");
            return Page();
        }

        await log.RecordAsync(SecurityEventKind.TwoFactorFailed, user.UserName, user.Id);
        ModelState.AddModelError(nameof(Code), "验证码不正确或已过期，请查看身份验证器中的最新验证码。");
        return Page();
    }
}
