using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>How an indicator is scored: by its assessor, or computed from the records of the period.</summary>
public enum IndicatorKind
{
    /// <summary>评分: entered by the assigned assessor (e.g. 卫生检查).</summary>
    Scored = 1,

    /// <summary>督办事项按期办结率 (ledger items of the department due in the period).</summary>
    LedgerOnTime = 2,

    /// <summary>学习出勤率 (study attendance of the department's people in the period).</summary>
    Attendance = 3,

    /// <summary>整改销号率 (rectification items of the department due in the period).</summary>
    RectificationClosure = 4,
}

/// <summary>考核方案: an organization's indicator tree (points summing to 100) applied to its departments each period.</summary>
public sealed class AssessmentScheme : Entity, IAuditTitled
{
    public const int NameMax = 100;

    public Guid OwnerUnitId { get; set; }

    public OrgUnit? OwnerUnit { get; set; }

    public required string Name { get; set; }

    /// <summary>Months per period: 1 月度, 3 季度, 12 年度.</summary>
    public int PeriodMonths { get; set; } = 3;

    /// <summary>
    /// The campaign this scheme belongs to (seed 001: a campaign's 月调度、季考核 with its 流动红旗), whose summary quotes its
    /// red flag; null for an organization's standing scheme, which no campaign summary quotes.
    /// </summary>
    public Guid? CampaignId { get; set; }

    string IAuditTitled.AuditTitle => Name;
}

internal sealed class AssessmentSchemeConfiguration : IEntityTypeConfiguration<AssessmentScheme>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> b)
    {
        b.Property(x => x.Name).HasMaxLength(AssessmentScheme.NameMax);
        b.HasIndex(x => x.OwnerUnitId);
        b.HasIndex(x => x.CampaignId);
        b.HasOne(x => x.OwnerUnit).WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>考核指标: a node of the tree; <see cref="Points"/> is its weight (children's points add up to their parent's).</summary>
public sealed class Indicator : Entity, IAuditTitled
{
    public const int NameMax = 100;

    public Guid SchemeId { get; set; }

    public Guid? ParentId { get; set; }

    public required string Name { get; set; }

    public decimal Points { get; set; }

    public IndicatorKind Kind { get; set; } = IndicatorKind.Scored;

    /// <summary>The assessor who scores a <see cref="IndicatorKind.Scored"/> leaf; nobody else may.</summary>
    public Guid? AssessorPersonId { get; set; }

    public Person? AssessorPerson { get; set; }

    public int SortOrder { get; set; }

    string IAuditTitled.AuditTitle => Name;
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(x => x.Name).HasMaxLength(Indicator.NameMax);
        b.Property(x => x.Points).HasPrecision(6, 1);
        b.HasIndex(x => new { x.SchemeId, x.ParentId });
        b.HasIndex(x => x.AssessorPersonId);
        b.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.AssessorPerson).WithMany().HasForeignKey(x => x.AssessorPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>考核期: a month, quarter or year of a scheme; published (locked) once ranked.</summary>
public sealed class AssessmentPeriod : Entity, IAuditTitled
{
    public const int LabelMax = 50;

    public Guid SchemeId { get; set; }

    public required string Label { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>The red flag's holders as published (names, 、-separated), and their total: the history of the flag.</summary>
    public string? FlagHolders { get; set; }

    public decimal? TopScore { get; set; }

    string IAuditTitled.AuditTitle => Label;
}

internal sealed class AssessmentPeriodConfiguration : IEntityTypeConfiguration<AssessmentPeriod>
{
    public void Configure(EntityTypeBuilder<AssessmentPeriod> b)
    {
        b.Property(x => x.Label).HasMaxLength(AssessmentPeriod.LabelMax);
        b.Property(x => x.FlagHolders).HasMaxLength(500);
        b.Property(x => x.TopScore).HasPrecision(6, 1);
        b.HasIndex(x => new { x.SchemeId, x.StartsOn });
        b.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A department's score on one leaf indicator in one period, with how it was made.</summary>
public sealed class IndicatorScore : Entity, IAuditTitled
{
    public Guid PeriodId { get; set; }

    public Guid IndicatorId { get; set; }

    public Guid UnitId { get; set; }

    public decimal Score { get; set; }

    /// <summary>For computed indicators, the records behind the score ("督办事项按期办结3/4项"); for scored ones the assessor's note.</summary>
    public string? Explanation { get; set; }

    public string? ScoredBy { get; set; }

    string IAuditTitled.AuditTitle => Score.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class IndicatorScoreConfiguration : IEntityTypeConfiguration<IndicatorScore>
{
    public void Configure(EntityTypeBuilder<IndicatorScore> b)
    {
        b.Property(x => x.Score).HasPrecision(6, 1);
        b.Property(x => x.Explanation).HasMaxLength(200);
        b.Property(x => x.ScoredBy).HasMaxLength(100);
        b.HasIndex(x => new { x.PeriodId, x.IndicatorId, x.UnitId }).IsUnique();
        b.HasIndex(x => x.IndicatorId);
        b.HasIndex(x => x.UnitId);
        b.HasOne<AssessmentPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class AssessmentLabels
{
    public static string Of(IndicatorKind k) => k switch
    {
        IndicatorKind.Scored => "评分",
        IndicatorKind.LedgerOnTime => "计算：督办事项按期办结率",
        IndicatorKind.Attendance => "计算：学习出勤率",
        _ => "计算：整改销号率",
    };

    public static string Period(int months) => months switch
    {
        1 => "月度",
        3 => "季度",
        _ => "年度",
    };
}
