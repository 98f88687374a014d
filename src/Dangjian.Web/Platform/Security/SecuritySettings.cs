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
}
