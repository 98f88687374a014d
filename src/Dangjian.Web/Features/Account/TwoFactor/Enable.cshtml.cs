using System.ComponentModel.DataAnnotations;
using System.Text;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Account.TwoFactor;

/// <summary>
/// Enrols an authenticator app: shows the secret as a QR code and as text, verifies one code, then shows
/// ten one-time recovery codes. Administrators are sent here until they have done it.
/// </summary>
public sealed class EnableModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityLog log) : PageModel
{
    public const string RecoveryCodesKey = "recovery-codes";

    [BindProperty]
    [Required(ErrorMessage = "请输入验证码。")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "验证码应为6位数字。")]
    [Display(Name = "验证码")]
    public string Code { get; set; } = "";

    public string SharedKey { get; private set; } = "";

    public string QrDataUri { get; private set; } = "";

    public bool Required => User.HasClaim(AppClaims.MustEnrolTwoFactor, "1");

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            await log.RecordAsync(SecurityEventKind.TwoFactorFailed, user.UserName, user.Id, "绑定时验证码错误");
            ModelState.AddModelError(nameof(Code), "验证码不正确。请确认手机时间准确，并输入身份验证器中当前显示的6位数字。");
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await signIn.RefreshSignInAsync(user);
        await log.RecordAsync(SecurityEventKind.TwoFactorEnabled, user.UserName, user.Id);
        TempData[RecoveryCodesKey] = string.Join(' ', codes);
        TempData.Success("两步验证已启用。");
        return RedirectToPage("/Account/TwoFactor/RecoveryCodes");
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        ViewData.Trail(new Breadcrumb("账户安全", "/Account/Security"), new Breadcrumb("启用两步验证"));
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp: this session takes the new one, or the five-minute stamp check would
            // sign the person out while they are still scanning the code.
            await signIn.RefreshSignInAsync(user);
        }

        SharedKey = Group(key!);
        var issuer = Uri.EscapeDataString("党建工作平台");
        var account = Uri.EscapeDataString(user.UserName ?? "");
        var uri = $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6";
        QrDataUri = QrImages.DataUri(uri, 6);
    }

    private static string Group(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
