using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Security;

/// <summary>
/// The security policy in force: configuration defaults, overridden by what the security administrator saved
/// (<see cref="SecuritySettings"/>). Applying it updates, in place, the option objects the framework reads on
/// every request (Identity lockout, the sign-in cookie's idle timeout, our <see cref="SecurityOptions"/>), so a
/// change takes effect at once without a restart. Other instances on the same database load it within seconds, when
/// they see the save in the audit log (<see cref="Data.InstanceSync"/>).
/// </summary>
public sealed class SecurityPolicy(
    IOptions<SecurityOptions> security,
    IOptions<IdentityOptions> identity,
    IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    public SecurityOptions Current => security.Value;

    public async Task LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var saved = await db.SecuritySettings.AsNoTracking().OrderBy(s => s.CreatedAt).FirstOrDefaultAsync(ct);
        if (saved is not null)
        {
            Apply(saved);
        }
    }

    /// <summary>Validates, saves (audited with before and after) and applies. Returns Chinese errors per field, empty when saved.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(AppDbContext db, SecuritySettings input, Guid? loadedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }

        var row = await db.SecuritySettings.OrderBy(s => s.CreatedAt).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new SecuritySettings();
            db.SecuritySettings.Add(row);
        }
        else if (loadedVersion is { } version)
        {
            db.ExpectVersion(row, version);
        }

        row.CopyFrom(input);
        await db.SaveChangesAsync(ct);
        Apply(row);
        return errors;
    }

    public SecuritySettings Snapshot() => SecuritySettings.From(Current);

    /// <summary>The bounds 等保 third level sets; outside them the policy would be weaker than required.</summary>
    public static Dictionary<string, string> Validate(SecuritySettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors[field] = message;
            }
        }

        Check(s.PasswordMinLength is >= 8 and <= 64, nameof(s.PasswordMinLength), "密码最短长度须在8到64之间。");
        Check(s.PasswordMinClasses is >= 3 and <= 4, nameof(s.PasswordMinClasses), "字符类别须为3或4类。");
        Check(s.PasswordHistory is >= 1 and <= 24, nameof(s.PasswordHistory), "不可重复使用的历史密码数须在1到24之间。");
        Check(s.PasswordExpiryDays is >= 0 and <= 180, nameof(s.PasswordExpiryDays), "密码有效期须在0（不过期）到180天之间。");
        Check(s.LockoutThreshold is >= 3 and <= 10, nameof(s.LockoutThreshold), "锁定前允许的失败次数须在3到10次之间。");
        Check(s.LockoutMinutes is >= 5 and <= 1440, nameof(s.LockoutMinutes), "锁定时长须在5到1440分钟之间。");
        Check(s.IdleTimeoutMinutes is >= 5 and <= 60, nameof(s.IdleTimeoutMinutes), "空闲超时须在5到60分钟之间。");
        Check(s.ApiTokenMaxDays is >= 1 and <= 730, nameof(s.ApiTokenMaxDays), "访问令牌最长有效期须在1到730天之间。");
        return errors;
    }

    // What enforces the policy first, what reports it (Current) last: another thread that sees the new Current also
    // finds Identity and the sign-in cookie already changed.
    private void Apply(SecuritySettings s)
    {
        identity.Value.Lockout.MaxFailedAccessAttempts = s.LockoutThreshold;
        identity.Value.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(s.LockoutMinutes);
        cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan = TimeSpan.FromMinutes(s.IdleTimeoutMinutes);
        s.ApplyTo(security.Value);
    }
}
