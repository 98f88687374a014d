using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Files;

/// <summary>An uploaded file attached to one record (its owner); the bytes live outside wwwroot under <see cref="FileOptions.Root"/>.</summary>
public sealed class StoredFile : Entity, ISoftDeletable, IAuditTitled
{
    /// <summary>The kind of record the file belongs to, e.g. <c>StudyNote</c>.</summary>
    public required string OwnerType { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>The name the uploader gave it (shown and used for downloads, never for storage).</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>Relative path under the file root, made by the server.</summary>
    public required string StorageKey { get; set; }

    public Guid? UploadedById { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => FileName;
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(x => x.OwnerType).HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(120);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.StorageKey).HasMaxLength(100);
        b.HasIndex(x => new { x.OwnerType, x.OwnerId });
    }
}
