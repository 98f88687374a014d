using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Problems;

/// <summary>Where a problem was found: consolidated from opinions, found by the unit itself, pointed out by the supervision group, or from an appraisal.</summary>
public enum ProblemSource
{
    Opinions = 1,
    SelfFound = 2,
    SupervisionGroup = 3,
    Appraisal = 4,
}

/// <summary>
/// 问题: what the office consolidates opinions into (梳理汇总) — a short statement, its 四风 category, whom it concerns —
/// linked to every opinion it came from through <see cref="ProblemOpinion"/>.
/// </summary>
public sealed class Problem : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public const int TitleMax = 200;

    public const int DescriptionMax = 4000;

    public const int ConcernsMax = 100;

    public required string Title { get; set; }

    public string? Description { get; set; }

    public Topic? Category { get; set; }

    /// <summary>领导班子, a named leader or a department.</summary>
    public string? Concerns { get; set; }

    public ProblemSource Source { get; set; } = ProblemSource.Opinions;

    /// <summary>马上能改 / 限期解决 / 长期坚持.</summary>
    public ProblemHorizon? Horizon { get; set; }

    /// <summary>The 方面 the office grouped this problem under (归纳梳理为六个方面), if any.</summary>
    public Guid? AspectId { get; set; }

    /// <summary>Set when this problem was merged into another as a duplicate; its links moved there.</summary>
    public Guid? MergedIntoId { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.Property(x => x.Title).HasMaxLength(Problem.TitleMax);
        b.Property(x => x.Description).HasMaxLength(Problem.DescriptionMax);
        b.Property(x => x.Concerns).HasMaxLength(Problem.ConcernsMax);
        b.HasIndex(x => new { x.CampaignId, x.Category });
        b.HasIndex(x => x.AspectId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProblemAspect>().WithMany().HasForeignKey(x => x.AspectId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>
/// 方面: the second level of grouping, above problems — seed 004 「归纳梳理为六个方面：一是……」, seed 000 「形成了包含五大方面问题的
/// 报告」. Ordered; deleting one leaves its problems ungrouped.
/// </summary>
public sealed class ProblemAspect : Entity, IAuditTitled
{
    public const int TitleMax = 200;

    public Guid CampaignId { get; set; }

    public int Order { get; set; }

    public required string Title { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class ProblemAspectConfiguration : IEntityTypeConfiguration<ProblemAspect>
{
    public void Configure(EntityTypeBuilder<ProblemAspect> b)
    {
        b.Property(x => x.Title).HasMaxLength(ProblemAspect.TitleMax);
        b.HasIndex(x => new { x.CampaignId, x.Order });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>An opinion counted under a problem; an opinion may support more than one problem.</summary>
public sealed class ProblemOpinion : Entity, IAuditTitled
{
    public Guid ProblemId { get; set; }

    public Guid OpinionId { get; set; }

    string IAuditTitled.AuditTitle => "问题关联意见";
}

internal sealed class ProblemOpinionConfiguration : IEntityTypeConfiguration<ProblemOpinion>
{
    public void Configure(EntityTypeBuilder<ProblemOpinion> b)
    {
        b.HasIndex(x => new { x.ProblemId, x.OpinionId }).IsUnique();
        b.HasIndex(x => x.OpinionId);
        b.HasOne<Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Opinion>().WithMany().HasForeignKey(x => x.OpinionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class ProblemLabels
{
    public static string Of(ProblemHorizon h) => h switch
    {
        ProblemHorizon.Immediate => "马上能改",
        ProblemHorizon.Deadline => "限期解决",
        _ => "长期坚持",
    };

    public static string Of(ProblemSource s) => s switch
    {
        ProblemSource.Opinions => "征求意见",
        ProblemSource.SelfFound => "自己查摆",
        ProblemSource.SupervisionGroup => "督导组指出",
        _ => "民主评议",
    };
}

/// <summary>马上能改 / 限期解决 / 长期坚持.</summary>
public enum ProblemHorizon
{
    Immediate = 1,
    Deadline = 2,
    LongTerm = 3,
}
