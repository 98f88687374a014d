namespace Dangjian.Web.Platform.Audit;

/// <summary>What the audit log shows as the object's name ("张三", "办公室").</summary>
public interface IAuditTitled
{
    string AuditTitle { get; }
}
