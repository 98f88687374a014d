using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// One append-only, hash-chained audit record: when, who, from where, what object, before and after, outcome.
/// <see cref="Hash"/> covers every field and <see cref="PreviousHash"/>, so altering or removing any row breaks
/// the chain at that row (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>1, 2, 3… without gaps; a gap means a removed row.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to milliseconds so it hashes the same after a round trip through either engine.</summary>
    public DateTime OccurredAt { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public string? ClientAddress { get; set; }

    /// <summary>See <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    public string? ObjectType { get; set; }

    public string? ObjectId { get; set; }

    public string? Summary { get; set; }

    /// <summary>JSON of the changed fields before the change (sensitive fields masked).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the changed fields after the change.</summary>
    public string? After { get; set; }

    /// <summary>"成功" or "失败".</summary>
    public string Outcome { get; set; } = AuditActions.Succeeded;

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.ClientAddress).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.ObjectType).HasMaxLength(64);
        b.Property(e => e.ObjectId).HasMaxLength(64);
        b.Property(e => e.Summary).HasMaxLength(1000);
        b.Property(e => e.Before).HasMaxLength(20000);
        b.Property(e => e.After).HasMaxLength(20000);
        b.Property(e => e.Outcome).HasMaxLength(8);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => e.OccurredAt);
        b.HasIndex(e => new { e.UserName, e.OccurredAt });
        b.HasIndex(e => new { e.Action, e.OccurredAt });
        b.HasIndex(e => new { e.ObjectType, e.ObjectId });
    }
}
