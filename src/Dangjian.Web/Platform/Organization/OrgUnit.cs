using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Organization;

/// <summary>
/// A node of the organization tree. <see cref="Path"/> is the materialized path of ids from the root
/// ("/{root}/{child}/…/{self}/"), so a subtree is one indexed prefix match.
/// </summary>
public sealed class OrgUnit : Entity, IAuditTitled
{
    public required string Name { get; set; }

    public required string Code { get; set; }

    public OrgUnitKind Kind { get; set; }

    public Guid? ParentId { get; set; }

    public OrgUnit? Parent { get; set; }

    public string Path { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set when this unit was merged into another; the unit stays (inactive) for its history.</summary>
    public Guid? MergedIntoId { get; set; }

    string IAuditTitled.AuditTitle => Name;

    /// <summary>Sets <see cref="Path"/> under the given parent (or as a root).</summary>
    public void PlaceUnder(OrgUnit? parent)
    {
        Parent = parent;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Id.ToString("N") + "/";
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.Code).HasMaxLength(50);
        b.Property(u => u.Path).HasMaxLength(800);
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.Path);
        b.HasIndex(u => new { u.ParentId, u.SortOrder });
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.MergedIntoId);
    }
}
