using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Identity;

/// <summary>A past password hash, kept so the last N passwords cannot be reused.</summary>
public sealed class PasswordHistoryEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string PasswordHash { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class PasswordHistoryEntryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.ToTable("PasswordHistory");
        b.HasIndex(h => new { h.UserId, h.CreatedAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
