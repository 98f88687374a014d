namespace Dangjian.Web.Platform.Audit;

/// <summary>Bound from <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The shortest retention the rules allow (网络安全法: logs kept at least six months).</summary>
    public const int MinimumRetentionMonths = 6;

    /// <summary>How long entries are kept before <c>audit purge</c> may remove them. Never below six months.</summary>
    public int RetentionMonths { get; set; } = 36;

    /// <summary>
    /// How often each instance writes the signed checkpoint of the chain's head (and once more when it stops). Entries
    /// newer than the last checkpoint are the window in which deleting the newest entries goes unnoticed.
    /// </summary>
    public int CheckpointSeconds { get; set; } = 60;

    /// <summary>
    /// The folder of <c>audit-checkpoint.json</c>: outside the database, writable by every instance (they share it), and
    /// ideally not writable by whoever administers the database. Defaults to the key ring folder (<c>DataProtection:KeysPath</c>).
    /// </summary>
    public string? CheckpointPath { get; set; }
}
