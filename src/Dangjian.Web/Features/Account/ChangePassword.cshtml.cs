using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Account;

public sealed class ChangePasswordModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    SecurityLog log,
    IOptions<SecurityOptions> security) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    /// <summary>The page the person was opening when the password step stopped them (local addresses only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Forced => User.HasClaim(AppClaims.MustChangePassword, "1");

    public SecurityOptions Policy => security.Value;

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "请输入当前密码。")]
        [DataType(DataType.Password)]
        [Display(Name = "当前密码")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "请输入新密码。")]
        [StringLength(128, ErrorMessage = "新密码不能超过128个字符。")]
        [DataType(DataType.Password)]
        [Display(Name = "新密码")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "请再次输入新密码。")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致。")]
        [Display(Name = "确认新密码")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() => ViewData.Trail(new Breadcrumb("账户安全", "/Account/Security"), new Breadcrumb("修改密码"));

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData.Trail(new Breadcrumb("账户安全", "/Account/Security"), new Breadcrumb("修改密码"));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }

            await log.RecordAsync(SecurityEventKind.PasswordRejected, user.UserName, user.Id, string.Join(",", result.Errors.Select(e => e.Code)));
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        // The first sign-in code (account slip) is used up: its validity no longer applies to later resets.
        await users.RemoveAuthenticationTokenAsync(user, Features.Organization.RosterAccounts.TokenProvider, Features.Organization.RosterAccounts.ExpiryTokenName);
        await signIn.RefreshSignInAsync(user);
        await log.RecordAsync(SecurityEventKind.PasswordChanged, user.UserName, user.Id);
        TempData.Success("密码已修改。");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
