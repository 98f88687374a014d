using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Organization;

/// <summary>
/// "This supervision group supervises that unit": members of the supervisor unit see the supervised
/// unit's subtree (DOMAIN.md: a user's scope is their subtree plus the units they supervise).
/// </summary>
public sealed class SupervisionLink : Entity, IAuditTitled
{
    public Guid SupervisorUnitId { get; set; }

    public OrgUnit? SupervisorUnit { get; set; }

    public Guid SupervisedUnitId { get; set; }

    public OrgUnit? SupervisedUnit { get; set; }

    string IAuditTitled.AuditTitle => "督导关系";
}

internal sealed class SupervisionLinkConfiguration : IEntityTypeConfiguration<SupervisionLink>
{
    public void Configure(EntityTypeBuilder<SupervisionLink> b)
    {
        b.HasIndex(l => new { l.SupervisorUnitId, l.SupervisedUnitId }).IsUnique();
        b.HasIndex(l => l.SupervisedUnitId);
        b.HasOne(l => l.SupervisorUnit).WithMany().HasForeignKey(l => l.SupervisorUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.SupervisedUnit).WithMany().HasForeignKey(l => l.SupervisedUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
