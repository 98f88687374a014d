using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Organization;

/// <summary>
/// A role a person holds in a unit other than (or besides) their primary one, e.g. 机关党支部书记 for a
/// department head. The primary unit is <see cref="Person.OrgUnitId"/>.
/// </summary>
public sealed class PersonUnitRole : Entity, IAuditTitled
{
    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public Guid OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    public required string Title { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class PersonUnitRoleConfiguration : IEntityTypeConfiguration<PersonUnitRole>
{
    public void Configure(EntityTypeBuilder<PersonUnitRole> b)
    {
        b.Property(r => r.Title).HasMaxLength(100);
        b.HasIndex(r => new { r.PersonId, r.OrgUnitId, r.Title }).IsUnique();
        b.HasIndex(r => r.OrgUnitId);
        b.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasQueryFilter(r => r.Person!.DeletedAt == null);
        b.HasOne(r => r.OrgUnit).WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
