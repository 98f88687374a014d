using System.Text.Json;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>A campaign saved as a template by an office: phases and milestones as offsets, visible within its unit's scope.</summary>
public sealed class SavedTemplate : Entity, ISoftDeletable, IAuditTitled
{
    public required string Name { get; set; }

    public Guid OwnerUnitId { get; set; }

    /// <summary>The <see cref="CampaignTemplates.Template"/> as JSON.</summary>
    public required string Definition { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Name;

    public CampaignTemplates.Template ToTemplate() =>
        JsonSerializer.Deserialize<CampaignTemplates.Template>(Definition)! with { Key = "saved:" + Id.ToString("N") };
}

internal sealed class SavedTemplateConfiguration : IEntityTypeConfiguration<SavedTemplate>
{
    public void Configure(EntityTypeBuilder<SavedTemplate> b)
    {
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Definition).HasMaxLength(100000);
        b.HasIndex(t => t.OwnerUnitId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
