using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;

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
    public Guid OwnerUnitId { get; set; }

    public OrgUnit? OwnerUnit { get; set; }

    public required string Name { get; set; }

    /// <summary>Months per period: 1 月度, 3 季度, 12 年度.</summary>
    public int PeriodMonths { get; set; } = 3;

    string IAuditTitled.AuditTitle => Name;
}

/// <summary>考核指标: a node of the tree; <see cref="Points"/> is its weight (children's points add up to their parent's).</summary>
public sealed class Indicator : Entity, IAuditTitled
{
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

/// <summary>考核期: a month, quarter or year of a scheme; published (locked) once ranked.</summary>
public sealed class AssessmentPeriod : Entity, IAuditTitled
{
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
