using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Organization;

/// <summary>A person on the roster. A person may or may not have an account (<c>AppUser.PersonId</c>).</summary>
public sealed class Person : Entity, ISoftDeletable, IAuditTitled
{
    public const int NameMax = 50;

    public required string Name { get; set; }

    public Gender Gender { get; set; }

    public DateOnly? BirthDate { get; set; }

    public Guid OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    /// <summary>Post title as printed in documents, e.g. "党组书记、局长".</summary>
    public string? Title { get; set; }

    /// <summary>ID number, encrypted with Data Protection. Never shown; see <see cref="IdNumberMasked"/>.</summary>
    public string? IdNumberCipher { get; set; }

    /// <summary>110101********1234: what lists show.</summary>
    public string? IdNumberMasked { get; set; }

    /// <summary>Keyed hash of the normalized ID number, for the uniqueness check without decrypting.</summary>
    public string? IdNumberHash { get; set; }

    /// <summary>Mobile phone, encrypted with Data Protection.</summary>
    public string? PhoneCipher { get; set; }

    /// <summary>138****5678.</summary>
    public string? PhoneMasked { get; set; }

    public PartyStatus PartyStatus { get; set; }

    /// <summary>
    /// 所在党组织: the 党支部 (or 党总支, or a 党小组 under a branch) holding the person's party membership, where they take
    /// part in 三会一课 — for a leader too (双重组织生活), whatever department they work in. Null for 群众 and the unassigned.
    /// </summary>
    public Guid? BranchId { get; set; }

    public OrgUnit? Branch { get; set; }

    /// <summary>入党日期 (for probationary members, the date of admission).</summary>
    public DateOnly? JoinedPartyOn { get; set; }

    /// <summary>转正日期.</summary>
    public DateOnly? FullMemberOn { get; set; }

    public PostRank PostRank { get; set; }

    public bool IsRetired { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Name;
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Name).HasMaxLength(Person.NameMax);
        b.Property(p => p.Title).HasMaxLength(100);
        b.HasIndex(p => new { p.OrgUnitId, p.Name });
        b.HasIndex(p => p.PartyStatus);
        b.HasOne(p => p.OrgUnit).WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Branch).WithMany().HasForeignKey(p => p.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.IdNumberCipher).HasMaxLength(1000);
        b.Property(p => p.IdNumberMasked).HasMaxLength(24);
        b.Property(p => p.IdNumberHash).HasMaxLength(64);
        b.Property(p => p.PhoneCipher).HasMaxLength(1000);
        b.Property(p => p.PhoneMasked).HasMaxLength(24);
        b.HasIndex(p => p.IdNumberHash).IsUnique();
        b.HasIndex(p => p.Name);
    }
}
