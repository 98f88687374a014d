using System.Security.Cryptography;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Admin;

/// <summary>
/// What the system administrator does to accounts: create, change roles and settings, reset a password to a
/// temporary one, unlock, disable. Each step is audited; roles keep the separation of administrator duties.
/// </summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, AccountProvisioning accounts)
{
    public sealed record Outcome(bool Ok, string Message, string? TemporaryPassword = null);

    /// <summary>
    /// A random password for a first sign-in or a reset, meant to be read off a slip and typed on a phone: three groups of
    /// four from letters and digits that cannot be mistaken for one another (no 0/O, 1/l/I), joined by “-”, with at
    /// least one capital, small letter and digit, so that it satisfies the policy (≈68 bits).
    /// </summary>
    public static string TemporaryPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        while (true)
        {
            var chars = Enumerable.Range(0, 12).Select(_ => all[RandomNumberGenerator.GetInt32(all.Length)]).ToArray();
            if (chars.Any(upper.Contains) && chars.Any(lower.Contains) && chars.Any(digits.Contains))
            {
                var text = new string(chars);
                return string.Join('-', text[..4], text[4..8], text[8..]);
            }
        }
    }

    public async Task<Outcome> CreateAsync(string userName, string displayName, IReadOnlyList<string> roles, Guid? personId, bool requireTwoFactor)
    {
        var password = TemporaryPassword();
        var result = await accounts.CreateAsync(userName.Trim(), displayName.Trim(), password, roles, mustChangePassword: true, personId);
        if (!result.Succeeded)
        {
            return new Outcome(false, string.Join("；", result.Errors.Select(e => e.Description)));
        }

        var user = await users.FindByNameAsync(userName.Trim());
        user!.RequireTwoFactor = requireTwoFactor;
        await users.UpdateAsync(user);
        db.Audit(AuditActions.UserAdmin, "AppUser", user.Id.ToString(), $"新建用户 {user.UserName}", null, new { 角色 = roles.Select(r => Roles.DisplayNames[r]), 关联人员 = personId, 要求两步验证 = requireTwoFactor });
        await db.SaveChangesAsync();
        return new Outcome(true, $"已创建用户 {user.UserName}。", password);
    }

    public async Task<Outcome> UpdateAsync(AppUser user, string displayName, IReadOnlyList<string> roles, Guid? personId, bool requireTwoFactor)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Roles.CheckSeparation(roles) is { } refusal)
        {
            return new Outcome(false, refusal);
        }

        if (roles.FirstOrDefault(r => !Roles.DisplayNames.ContainsKey(r)) is { } unknown)
        {
            return new Outcome(false, $"没有名为“{unknown}”的角色。");
        }

        if (displayName.Trim().Length is 0 or > 100)
        {
            return new Outcome(false, "请填写姓名（1–100个字）。");
        }

        var before = new { 姓名 = user.DisplayName, 角色 = (await users.GetRolesAsync(user)).Select(r => Roles.DisplayNames.GetValueOrDefault(r, r)).ToList(), 关联人员 = user.PersonId, 要求两步验证 = user.RequireTwoFactor };
        await using var tx = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(user);
        var remove = await users.RemoveFromRolesAsync(user, current.Except(roles, StringComparer.Ordinal));
        var add = remove.Succeeded ? await users.AddToRolesAsync(user, roles.Except(current, StringComparer.Ordinal)) : remove;
        if (!add.Succeeded)
        {
            return new Outcome(false, string.Join("；", add.Errors.Select(e => e.Description)));
        }

        user.DisplayName = displayName.Trim();
        user.PersonId = personId;
        user.RequireTwoFactor = requireTwoFactor;
        await users.UpdateSecurityStampAsync(user);
        var after = new { 姓名 = user.DisplayName, 角色 = roles.Select(r => Roles.DisplayNames[r]).ToList(), 关联人员 = user.PersonId, 要求两步验证 = user.RequireTwoFactor };
        db.Audit(AuditActions.PermissionChange, "AppUser", user.Id.ToString(), $"修改用户 {user.UserName}", before, after);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new Outcome(true, "已保存。该用户需重新登录后新角色生效。");
    }

    public async Task<Outcome> ResetPasswordAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var password = TemporaryPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return new Outcome(false, string.Join("；", result.Errors.Select(e => e.Description)));
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, Organization.RosterAccounts.TokenProvider, Organization.RosterAccounts.ExpiryTokenName);
        db.Audit(AuditActions.UserAdmin, "AppUser", user.Id.ToString(), $"重置 {user.UserName} 的密码");
        await db.SaveChangesAsync();
        return new Outcome(true, $"已为 {user.UserName} 生成临时密码，对方首次登录时须修改。", password);
    }

    public async Task<Outcome> UnlockAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Audit(AuditActions.UserAdmin, "AppUser", user.Id.ToString(), $"解锁 {user.UserName}");
        await db.SaveChangesAsync();
        return new Outcome(true, $"已解锁 {user.UserName}。");
    }

    public async Task<Outcome> SetDisabledAsync(AppUser user, bool disabled, Guid actingUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (disabled && user.Id == actingUserId)
        {
            return new Outcome(false, "不能停用自己的账户。");
        }

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        db.Audit(AuditActions.UserAdmin, "AppUser", user.Id.ToString(), $"{(disabled ? "停用" : "启用")} {user.UserName}");
        await db.SaveChangesAsync();
        return new Outcome(true, disabled ? $"已停用 {user.UserName}，其登录会话将在5分钟内失效。" : $"已启用 {user.UserName}。");
    }

    public Task<AppUser?> FindAsync(Guid id) => db.Users.SingleOrDefaultAsync(u => u.Id == id);
}
