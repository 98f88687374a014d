using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Security;

/// <summary>A generated secret, stored encrypted by Data Protection (e.g. the key of the ID-number lookup hash).</summary>
public sealed class AppSecret
{
    public required string Name { get; set; }

    public required string ProtectedValue { get; set; }
}

internal sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.ProtectedValue).HasMaxLength(2000);
    }
}
