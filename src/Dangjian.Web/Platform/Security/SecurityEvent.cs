using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Security;

/// <summary>
/// One security-relevant event (failed sign-in, lockout, bad second factor, rejected token, tampered cookie…).
/// Append-only. Holds no password, token or raw IP address: the client address is a salted hash.
/// </summary>
public sealed class SecurityEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTime OccurredAt { get; set; }

    public SecurityEventKind Kind { get; set; }

    public string? UserName { get; set; }

    public Guid? UserId { get; set; }

    public string? ClientHash { get; set; }

    public string? Detail { get; set; }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> b)
    {
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.ClientHash).HasMaxLength(64);
        b.Property(e => e.Detail).HasMaxLength(1000);
        b.HasIndex(e => e.OccurredAt);
        b.HasIndex(e => new { e.Kind, e.OccurredAt });
    }
}
