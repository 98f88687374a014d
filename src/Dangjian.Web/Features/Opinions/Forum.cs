using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Opinions;

/// <summary>座谈会: a forum hosted by a leader with groups of attendees; the opinions raised are recorded as opinions of channel 座谈会.</summary>
public sealed class Forum : Entity, ISoftDeletable, IAuditTitled
{
    public const int TitleMax = 200;

    public const int PlaceMax = 200;

    public const int NotesMax = 20000;

    public static readonly IReadOnlyList<string> GroupNames = ["党外人士", "两代表一委员", "服务对象", "老同志", "企业代表", "科研人员", "机关干部", "基层群众"];

    public Guid CampaignId { get; set; }

    public required string Title { get; set; }

    public DateOnly HeldOn { get; set; }

    public Guid HostPersonId { get; set; }

    public Person? HostPerson { get; set; }

    public string? Place { get; set; }

    /// <summary>Attendee groups, separated by 、.</summary>
    public string Groups { get; set; } = "";

    public int Attendees { get; set; }

    public string? Notes { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> b)
    {
        b.Property(x => x.Title).HasMaxLength(Forum.TitleMax);
        b.Property(x => x.Place).HasMaxLength(Forum.PlaceMax);
        b.Property(x => x.Groups).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(Forum.NotesMax);
        b.HasIndex(x => new { x.CampaignId, x.HostPersonId });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.HostPerson).WithMany().HasForeignKey(x => x.HostPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
