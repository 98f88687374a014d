using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Rectification;

/// <summary>未开始 / 推进中 / 已完成待验收 / 已销号 / 长期坚持 (逾期 is shown from the deadline, not stored).</summary>
public enum ItemStatus
{
    NotStarted = 0,
    InProgress = 1,
    AwaitingVerification = 2,
    Closed = 3,
    LongTerm = 4,
}

/// <summary>
/// 整改事项 with the "四明确一承诺": the problem (linked), the goal and deadline, the measures, the owner (responsible
/// leader and department), and a public commitment. Items break into tasks through <see cref="ParentId"/>; a parent's
/// <see cref="Progress"/> rolls up from its children (weighted by <see cref="Weight"/>), a leaf's comes from its
/// latest progress report. Closing (销号) is a verification by someone other than the owner.
/// </summary>
public sealed class RectificationItem : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>
    /// Whose 整改方案 the item belongs to: null for the campaign's own organization (本级), or a 直属单位 in its scope
    /// that keeps its own plan, numbering and view. Tasks follow their parent.
    /// </summary>
    public Guid? PlanUnitId { get; set; }

    public Guid? ProblemId { get; set; }

    public Problem? Problem { get; set; }

    public const int TitleMax = 200;

    public const int GoalMax = 2000;

    public const int MeasuresMax = 4000;

    public const int CommitmentMax = 1000;

    public const int SpecialMax = 100;

    public const int RuleReferenceMax = 200;

    public required string Title { get; set; }

    /// <summary>整改目标.</summary>
    public string? Goal { get; set; }

    /// <summary>整改措施.</summary>
    public string? Measures { get; set; }

    /// <summary>开始时间 (for the roadmap).</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>完成时限; for 长期坚持 the date of the first check, which may fall after the campaign.</summary>
    public DateOnly DueOn { get; set; }

    public ProblemHorizon Horizon { get; set; } = ProblemHorizon.Deadline;

    /// <summary>责任领导.</summary>
    public Guid LeaderPersonId { get; set; }

    public Person? LeaderPerson { get; set; }

    /// <summary>责任部门.</summary>
    public Guid DepartmentId { get; set; }

    public OrgUnit? Department { get; set; }

    /// <summary>公开承诺.</summary>
    public string? Commitment { get; set; }

    /// <summary>专项整治 name when the item belongs to one, e.g. "文山会海专项整治".</summary>
    public string? Special { get; set; }

    /// <summary>建章立制: the rule this item requires (a reference until the rules registry exists).</summary>
    public string? RuleReference { get; set; }

    public int Weight { get; set; } = 1;

    public int SortOrder { get; set; }

    /// <summary>0–100.</summary>
    public int Progress { get; set; }

    public ItemStatus Status { get; set; }

    /// <summary>Shown on the public disclosure page (公示).</summary>
    public bool IsPublic { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>The China date of closure, compared with <see cref="DueOn"/> for the on-time rate.</summary>
    public DateOnly? ClosedOn { get; set; }

    public Guid? ClosedById { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;

    public bool IsOverdue(DateOnly today) => RectificationRules.IsOverdue(Status, Horizon, DueOn, today);
}

internal sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> b)
    {
        b.Property(x => x.Title).HasMaxLength(RectificationItem.TitleMax);
        b.Property(x => x.Goal).HasMaxLength(RectificationItem.GoalMax);
        b.Property(x => x.Measures).HasMaxLength(RectificationItem.MeasuresMax);
        b.Property(x => x.Commitment).HasMaxLength(RectificationItem.CommitmentMax);
        b.Property(x => x.Special).HasMaxLength(RectificationItem.SpecialMax);
        b.Property(x => x.RuleReference).HasMaxLength(RectificationItem.RuleReferenceMax);
        b.HasIndex(x => new { x.CampaignId, x.ParentId });
        b.HasIndex(x => new { x.CampaignId, x.DueOn });
        b.HasIndex(x => new { x.CampaignId, x.PlanUnitId });
        b.HasIndex(x => x.ProblemId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.PlanUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RectificationItem>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Problem).WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.LeaderPerson).WithMany().HasForeignKey(x => x.LeaderPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>进展: a weekly (or any) report against an item — percentage, narrative, evidence files, and a reason when it goes backwards.</summary>
public sealed class ProgressReport : Entity, IAuditTitled
{
    public Guid ItemId { get; set; }

    public DateOnly ReportedOn { get; set; }

    public int Percent { get; set; }

    public required string Narrative { get; set; }

    /// <summary>Required when the percentage is lower than the previous report's.</summary>
    public string? Reason { get; set; }

    public Guid? ReporterId { get; set; }

    string IAuditTitled.AuditTitle => $"{ReportedOn:yyyy-MM-dd} {Percent}%";
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.Property(x => x.Narrative).HasMaxLength(4000);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => new { x.ItemId, x.ReportedOn });
        b.HasOne<RectificationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>销号 and 重新打开: who verified or reopened an item, when, and why.</summary>
public sealed class ItemEvent : Entity, IAuditTitled
{
    public Guid ItemId { get; set; }

    public bool Closed { get; set; }

    public required string Note { get; set; }

    public Guid? ById { get; set; }

    public string? ByName { get; set; }

    string IAuditTitled.AuditTitle => Closed ? "销号" : "重新打开";
}

internal sealed class ItemEventConfiguration : IEntityTypeConfiguration<ItemEvent>
{
    public void Configure(EntityTypeBuilder<ItemEvent> b)
    {
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.ByName).HasMaxLength(100);
        b.HasIndex(x => x.ItemId);
        b.HasOne<RectificationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class RectificationLabels
{
    public static string Of(ItemStatus s) => s switch
    {
        ItemStatus.NotStarted => "未开始",
        ItemStatus.InProgress => "推进中",
        ItemStatus.AwaitingVerification => "已完成待验收",
        ItemStatus.Closed => "已销号",
        _ => "长期坚持",
    };

    public static string Colour(ItemStatus s, bool overdue) => overdue ? "red" : s switch
    {
        ItemStatus.NotStarted => "grey",
        ItemStatus.InProgress => "blue",
        ItemStatus.AwaitingVerification => "amber",
        ItemStatus.Closed => "green",
        _ => "purple",
    };
}
