namespace Dangjian.Web.Platform.Audit;

/// <summary>Bound from <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The shortest retention the rules allow (网络安全法: logs kept at least six months).</summary>
    public const int MinimumRetentionMonths = 6;

    /// <summary>How long entries are kept before <c>audit purge</c> may remove them. Never below six months.</summary>
    public int RetentionMonths { get; set; } = 36;
}
