namespace Dangjian.Web.Platform.Identity;

/// <summary>The built-in roles and their Chinese names. Permissions per role arrive with the organization issue.</summary>
public static class Roles
{
    public const string CampaignOffice = "campaign-office";
    /// <summary>A 直属单位's own office: keeps its unit's share of a campaign (its rectification plan) within its own subtree.</summary>
    public const string UnitOffice = "unit-office";
    public const string Leader = "leader";
    public const string Member = "member";
    public const string Supervisor = "supervisor";
    public const string Observer = "observer";
    public const string SystemAdmin = "system-admin";
    public const string SecurityAdmin = "security-admin";
    public const string AuditAdmin = "audit-admin";

    public static IReadOnlyDictionary<string, string> DisplayNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CampaignOffice] = "活动办公室",
        [UnitOffice] = "直属单位办公室",
        [Leader] = "领导班子",
        [Member] = "党员干部",
        [Supervisor] = "督导组",
        [Observer] = "群众观察员",
        [SystemAdmin] = "系统管理员",
        [SecurityAdmin] = "安全管理员",
        [AuditAdmin] = "审计管理员",
    };

    /// <summary>三员分立: the separated administrator duties. No account may hold two of them.</summary>
    public static IReadOnlySet<string> Administrators { get; } = new HashSet<string>(StringComparer.Ordinal) { SystemAdmin, SecurityAdmin, AuditAdmin };

    public static bool IsAdministrator(string role) => Administrators.Contains(role);

    /// <summary>Returns a Chinese refusal when the set of roles breaks the separation of admin duties, else null.</summary>
    public static string? CheckSeparation(IEnumerable<string> roles)
    {
        var admins = roles.Where(IsAdministrator).Distinct(StringComparer.Ordinal).ToList();
        if (admins.Count > 1)
        {
            return $"三员分立：同一账号不能同时担任{string.Join("、", admins.Select(r => DisplayNames[r]))}。";
        }

        return admins.Count == 1 && roles.Any(r => !IsAdministrator(r))
            ? $"三员分立：{DisplayNames[admins[0]]}账号不能同时担任业务角色。"
            : null;
    }
}
