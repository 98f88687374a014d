using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Briefings;

/// <summary>
/// 简报: an issue numbered per campaign (第1期, 第2期 … without gaps), whose text goes through the campaign approvals as
/// an <see cref="ApprovalDocument"/> of kind 简报; once approved it is sent to the higher level (recorded) and published
/// in the campaign column.
/// </summary>
public sealed class Briefing : Entity, IAuditTitled
{
    public const int TitleMax = 100;

    /// <summary>An issue's text, kept as its document's draft (whose column allows more).</summary>
    public const int BodyMax = 50_000;

    public Guid CampaignId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public Guid DocumentId { get; set; }

    public ApprovalDocument? Document { get; set; }

    /// <summary>报送上级: when and to whom.</summary>
    public DateOnly? SentOn { get; set; }

    public string? SentTo { get; set; }

    /// <summary>发布到活动专栏.</summary>
    public DateTime? PublishedAt { get; set; }

    string IAuditTitled.AuditTitle => $"第{Number}期 {Title}";
}

internal sealed class BriefingConfiguration : IEntityTypeConfiguration<Briefing>
{
    public void Configure(EntityTypeBuilder<Briefing> b)
    {
        b.Property(x => x.Title).HasMaxLength(Briefing.TitleMax);
        b.Property(x => x.SentTo).HasMaxLength(100);
        b.HasIndex(x => new { x.CampaignId, x.Number }).IsUnique();
        b.HasIndex(x => x.DocumentId).IsUnique();
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class BriefingRules
{
    /// <summary>Why <paramref name="number"/> cannot be the next issue, given the numbers already used.</summary>
    public static string? CheckNumber(int number, IReadOnlyCollection<int> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var next = Next(used);
        if (used.Contains(number))
        {
            return $"第{number}期已经编发过了，期号不能重复使用。下一期应为第{next}期。";
        }

        return number != next ? $"期号须连续，不能跳号或补号：下一期应为第{next}期。" : null;
    }

    public static int Next(IReadOnlyCollection<int> used) => (used?.Count > 0 ? used.Max() : 0) + 1;
}

/// <summary>
/// Who may do what with a campaign's briefings: the office writes, sends and publishes; who reads an issue is the 简报 row
/// of <see cref="DocumentAccess"/> (drafts and approved-but-unpublished issues: office and supervision group; published
/// issues: everyone the campaign concerns and its observers).
/// </summary>
public sealed class BriefingAccess(AppDbContext db, CampaignAccess access, DocumentAccess documents)
{
    public sealed record Rights(bool Manage, bool ReadDrafts);

    public async Task<Rights> RightsAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return Of((await documents.CampaignAsync(campaign.Id, ct)).Standing, await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct));
    }

    /// <summary>The briefing if the caller may read it by the document rule (404 otherwise).</summary>
    public async Task<(Briefing Briefing, Campaign Campaign, Rights Rights)> FindAsync(Guid id, CancellationToken ct = default)
    {
        var briefing = await db.Briefings.AsNoTracking().Include(b => b.Document).SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException();
        var (_, campaign, standing, _) = await documents.FindAsync(briefing.DocumentId, ct);
        var runs = standing.Participates && await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        return (briefing, campaign, Of(standing, runs));
    }

    private static Rights Of(DocumentAccess.Standing standing, bool runs) =>
        new(runs, DocumentAccess.MayRead(DocumentKind.Briefing, DocumentAccess.Stage.Draft, standing.Readers));
}
