using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<AppUser> signIn,
    SecurityLog log,
    IOptions<SecurityOptions> security,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    public string? Notice { get; private set; }

    /// <summary>No account exists yet: the page says how the first administrator is made (README, 运维命令).</summary>
    public bool NoAccountYet { get; private set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请输入用户名。")]
        [StringLength(256, ErrorMessage = "用户名过长。")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请输入密码。")]
        [StringLength(256, ErrorMessage = "密码过长。")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        NoAccountYet = !await signIn.UserManager.Users.AnyAsync(ct);

        Notice = Reason switch
        {
            "expired" => $"您已超过{security.Value.IdleTimeoutMinutes}分钟未操作，为保护账户安全已自动退出，请重新登录。",
            "signedout" => "您已安全退出。",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userName = Input.UserName.Trim();
        var user = await signIn.UserManager.FindByNameAsync(userName);
        if (user is { IsDisabled: true })
        {
            await log.RecordAsync(SecurityEventKind.SignInFailed, userName, user.Id, "账户已停用");
            ModelState.AddModelError("", "该账户已停用，请联系系统管理员。");
            return Page();
        }

        if (user is not null && await signIn.UserManager.IsLockedOutAsync(user))
        {
            await log.RecordAsync(SecurityEventKind.SignInWhileLocked, userName, user.Id);
            ModelState.AddModelError("", LockedMessage(await signIn.UserManager.GetLockoutEndDateAsync(user)));
            return Page();
        }

        if (user is null)
        {
            // An unknown name costs what a wrong password costs, so the answer's timing does not tell which names exist.
            DecoyPassword.Verify(signIn.UserManager.PasswordHasher, Input.Password);
        }

        var result = await signIn.PasswordSignInAsync(userName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded && await Features.Organization.RosterAccounts.CodeExpiredAsync(signIn.UserManager, user!, clock.GetUtcNow().UtcDateTime))
        {
            await signIn.SignOutAsync();
            await log.RecordAsync(SecurityEventKind.SignInFailed, userName, user!.Id, "首次登录码已过期");
            ModelState.AddModelError("", "首次登录码已过期，请找活动办公室重新打印登录单。");
            return Page();
        }

        if (result.Succeeded)
        {
            await AfterSignInAsync(user!);
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = SafeReturnUrl() });
        }

        if (result.IsLockedOut && user is not null)
        {
            await log.RecordAsync(SecurityEventKind.LockedOut, userName, user.Id, $"连续{security.Value.LockoutThreshold}次密码错误");
            ModelState.AddModelError("", LockedMessage(await signIn.UserManager.GetLockoutEndDateAsync(user)));
            return Page();
        }

        await log.RecordAsync(SecurityEventKind.SignInFailed, userName, user?.Id, user is null ? "用户不存在" : "密码错误");
        ModelState.AddModelError("", FailedMessage(security.Value));
        return Page();
    }

    private async Task AfterSignInAsync(AppUser user)
    {
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await signIn.UserManager.UpdateAsync(user);
        await log.RecordAsync(SecurityEventKind.SignInSucceeded, user.UserName, user.Id);
        if (PasswordPolicy.IsExpired(user, security.Value, clock.GetUtcNow().UtcDateTime))
        {
            await log.RecordAsync(SecurityEventKind.PasswordExpired, user.UserName, user.Id);
        }
    }

    /// <summary>
    /// The same words for an unknown name and a wrong password: a count of tries left only for real accounts told
    /// anyone which names exist, so every failure states the rule instead.
    /// </summary>
    public static string FailedMessage(SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"用户名或密码错误。连续错误{options.LockoutThreshold}次，账户将被锁定{options.LockoutMinutes}分钟。";
    }

    private string LockedMessage(DateTimeOffset? end)
    {
        // Identity computes lockout ends from the system clock (it takes no TimeProvider), so compare with the same.
        var minutes = end is { } e ? Math.Max(1, (int)Math.Ceiling((e - DateTimeOffset.UtcNow).TotalMinutes)) : security.Value.LockoutMinutes;
        return $"密码连续错误{security.Value.LockoutThreshold}次，账户已锁定。请{minutes}分钟后再试，或联系安全管理员解锁。";
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
