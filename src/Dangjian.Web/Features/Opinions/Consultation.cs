using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Opinions;

/// <summary>
/// 网上征求意见: a plan or report (实施方案, 分析检查报告, 整改方案) put on the public site for a while so that anyone can
/// comment (「把报告挂在本局的网页上，广泛征求社会各界的意见和建议」). Comments arrive as opinions of the channel
/// <see cref="Channel.OnlineConsultation"/>, linked to it. Only a published one inside its dates takes comments.
/// </summary>
public sealed class Consultation : Entity, IAuditTitled
{
    public const int TitleMax = 200;

    public const int BodyMax = 50000;

    public Guid CampaignId { get; set; }

    public required string Title { get; set; }

    /// <summary>The text as published (plain text; paragraphs by line breaks).</summary>
    public required string Body { get; set; }

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    /// <summary>When it went on the public site; null while a draft or after it was taken down.</summary>
    public DateTime? PublishedAt { get; set; }

    string IAuditTitled.AuditTitle => Title;

    /// <summary>Whether the public can read it and comment on <paramref name="today"/>.</summary>
    public bool TakesComments(DateOnly today) => PublishedAt is not null && today >= OpensOn && today <= ClosesOn;
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.Property(x => x.Title).HasMaxLength(Consultation.TitleMax);
        b.Property(x => x.Body).HasMaxLength(Consultation.BodyMax);
        b.HasIndex(x => new { x.CampaignId, x.OpensOn });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
