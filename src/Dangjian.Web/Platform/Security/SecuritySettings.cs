using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;

namespace Dangjian.Web.Platform.Security;

/// <summary>
/// The security policy as the security administrator last saved it (one row). When present it overrides the
/// configured <see cref="SecurityOptions"/> defaults; see <see cref="SecurityPolicy"/>.
/// </summary>
public sealed class SecuritySettings : Entity, IAuditTitled
{
    public int PasswordMinLength { get; set; }

    public int PasswordMinClasses { get; set; }

    public int PasswordHistory { get; set; }

    public int PasswordExpiryDays { get; set; }

    public int LockoutThreshold { get; set; }

    public int LockoutMinutes { get; set; }

    public int IdleTimeoutMinutes { get; set; }

    public int ApiTokenMaxDays { get; set; }

    string IAuditTitled.AuditTitle => "安全策略";

    public static SecuritySettings From(SecurityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var settings = new SecuritySettings();
        settings.CopyFrom(o.PasswordMinLength, o.PasswordMinClasses, o.PasswordHistory, o.PasswordExpiryDays, o.LockoutThreshold, o.LockoutMinutes, o.IdleTimeoutMinutes, o.ApiTokenMaxDays);
        return settings;
    }

    /// <summary>Takes every policy value of <paramref name="other"/> (not its identity or version).</summary>
    public void CopyFrom(SecuritySettings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CopyFrom(other.PasswordMinLength, other.PasswordMinClasses, other.PasswordHistory, other.PasswordExpiryDays, other.LockoutThreshold, other.LockoutMinutes, other.IdleTimeoutMinutes, other.ApiTokenMaxDays);
    }

    public void ApplyTo(SecurityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        (o.PasswordMinLength, o.PasswordMinClasses, o.PasswordHistory, o.PasswordExpiryDays) = (PasswordMinLength, PasswordMinClasses, PasswordHistory, PasswordExpiryDays);
        (o.LockoutThreshold, o.LockoutMinutes, o.IdleTimeoutMinutes, o.ApiTokenMaxDays) = (LockoutThreshold, LockoutMinutes, IdleTimeoutMinutes, ApiTokenMaxDays);
    }

    private void CopyFrom(int minLength, int minClasses, int history, int expiryDays, int lockoutThreshold, int lockoutMinutes, int idleMinutes, int tokenDays)
    {
        (PasswordMinLength, PasswordMinClasses, PasswordHistory, PasswordExpiryDays) = (minLength, minClasses, history, expiryDays);
        (LockoutThreshold, LockoutMinutes, IdleTimeoutMinutes, ApiTokenMaxDays) = (lockoutThreshold, lockoutMinutes, idleMinutes, tokenDays);
    }
}
