using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>领导批示办理台账, 重点工作任务督办台账, 创建文明单位任务台账, or one the office names itself.</summary>
public enum LedgerKind
{
    Instructions = 1,
    KeyTasks = 2,
    CivilizedUnit = 3,
    Other = 9,
}

/// <summary>
/// 督办台账: a standing ledger of an organization (not tied to a campaign), whose items the responsible departments
/// report on every month by <see cref="ReportDay"/> (月调度).
/// </summary>
public sealed class Ledger : Entity, ISoftDeletable, IAuditTitled
{
    public required string Title { get; set; }

    public LedgerKind Kind { get; set; }

    /// <summary>The organization that keeps the ledger; its scope decides who sees it.</summary>
    public Guid OwnerUnitId { get; set; }

    public OrgUnit? OwnerUnit { get; set; }

    /// <summary>Day of the month by which last month's progress is due (seed 002: the 10th).</summary>
    public int ReportDay { get; set; } = 10;

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class LedgerConfiguration : IEntityTypeConfiguration<Ledger>
{
    public void Configure(EntityTypeBuilder<Ledger> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.HasIndex(x => x.OwnerUnitId);
        b.HasOne(x => x.OwnerUnit).WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>督办事项: where it came from, what is to be done, who leads and who does it, and by when.</summary>
public sealed class LedgerItem : Entity, ISoftDeletable, IAuditTitled
{
    public const int SourceMax = 200;

    public const int IssuerMax = 100;

    public const int ContentMax = 4000;

    public const int CooperatingMax = 200;

    public Guid LedgerId { get; set; }

    /// <summary>The instruction or document it comes from (e.g. "王厅长批示", "厅党组2016年重点工作").</summary>
    public required string Source { get; set; }

    public DateOnly? SourceDate { get; set; }

    public string? Issuer { get; set; }

    public required string Content { get; set; }

    public Guid LeadLeaderId { get; set; }

    public Person? LeadLeader { get; set; }

    public Guid DepartmentId { get; set; }

    public OrgUnit? Department { get; set; }

    /// <summary>配合部门, as written.</summary>
    public string? Cooperating { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>The latest reported progress, 0–100.</summary>
    public int Progress { get; set; }

    /// <summary>办结: the office confirmed it done.</summary>
    public DateOnly? DoneOn { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Content.Length > 30 ? Content[..30] : Content;
}

internal sealed class LedgerItemConfiguration : IEntityTypeConfiguration<LedgerItem>
{
    public void Configure(EntityTypeBuilder<LedgerItem> b)
    {
        b.Property(x => x.Source).HasMaxLength(LedgerItem.SourceMax);
        b.Property(x => x.Issuer).HasMaxLength(LedgerItem.IssuerMax);
        b.Property(x => x.Content).HasMaxLength(LedgerItem.ContentMax);
        b.Property(x => x.Cooperating).HasMaxLength(LedgerItem.CooperatingMax);
        b.HasIndex(x => new { x.LedgerId, x.DepartmentId });
        b.HasOne<Ledger>().WithMany().HasForeignKey(x => x.LedgerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.LeadLeader).WithMany().HasForeignKey(x => x.LeadLeaderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>One month's report on one item by its department, with the office's comment.</summary>
public sealed class MonthlyReport : Entity, IAuditTitled
{
    public Guid ItemId { get; set; }

    /// <summary>The month reported on, as its first day.</summary>
    public DateOnly Month { get; set; }

    public int Progress { get; set; }

    public required string Narrative { get; set; }

    public Guid? ReporterId { get; set; }

    public string? Comment { get; set; }

    public string? CommentBy { get; set; }

    string IAuditTitled.AuditTitle => $"{Month:yyyy年M月}调度";
}

internal sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> b)
    {
        b.Property(x => x.Narrative).HasMaxLength(4000);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.CommentBy).HasMaxLength(100);
        b.HasIndex(x => new { x.ItemId, x.Month }).IsUnique();
        b.HasOne<LedgerItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>时间过半、任务过半: green when progress keeps up with elapsed time, amber when a little behind, red when far behind or overdue.</summary>
public enum Pace
{
    Green = 1,
    Amber = 2,
    Red = 3,
    Done = 4,
}

public static class LedgerRules
{
    /// <summary>How far behind progress may fall behind elapsed time (in points) before amber turns red.</summary>
    public const int AmberBand = 15;

    /// <summary>Elapsed share of the item's time, 0–100, on <paramref name="today"/>.</summary>
    public static int Elapsed(DateOnly startsOn, DateOnly dueOn, DateOnly today)
    {
        if (today <= startsOn)
        {
            return 0;
        }

        var span = dueOn.DayNumber - startsOn.DayNumber;
        return span <= 0 || today >= dueOn ? 100 : (int)(100L * (today.DayNumber - startsOn.DayNumber) / span);
    }

    /// <summary>
    /// Green when progress ≥ elapsed time; amber when it trails by at most <see cref="AmberBand"/> points; red when it
    /// trails by more or the deadline has passed unfinished; done once the office confirmed it.
    /// </summary>
    public static Pace PaceOf(int progress, DateOnly startsOn, DateOnly dueOn, DateOnly today, bool done)
    {
        if (done)
        {
            return Pace.Done;
        }

        if (today > dueOn && progress < 100)
        {
            return Pace.Red;
        }

        var gap = Elapsed(startsOn, dueOn, today) - Math.Clamp(progress, 0, 100);
        return gap <= 0 ? Pace.Green : gap <= AmberBand ? Pace.Amber : Pace.Red;
    }

    /// <summary>The month whose report is due now: last month, until its report day has passed.</summary>
    public static DateOnly MonthDue(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

    public static string? CheckReport(int progress, string? narrative) =>
        progress is < 0 or > 100 ? "进度须在0%到100%之间。"
        : string.IsNullOrWhiteSpace(narrative) || narrative.Trim().Length > 4000 ? "请填写本月进展（不超过4000字）。"
        : null;

    public static string Label(Pace pace) => pace switch
    {
        Pace.Green => "正常",
        Pace.Amber => "滞后",
        Pace.Red => "严重滞后",
        _ => "已办结",
    };

    public static string Colour(Pace pace) => pace switch
    {
        Pace.Green => "green",
        Pace.Amber => "amber",
        Pace.Red => "red",
        _ => "grey",
    };

    public static string Of(LedgerKind kind) => kind switch
    {
        LedgerKind.Instructions => "领导批示办理台账",
        LedgerKind.KeyTasks => "重点工作任务督办台账",
        LedgerKind.CivilizedUnit => "创建文明单位任务台账",
        _ => "其他台账",
    };
}
