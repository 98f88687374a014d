using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Rules;

/// <summary>现行 / 修订中 / 已废止.</summary>
public enum RuleStatus
{
    Current = 1,
    Revising = 2,
    Abolished = 3,
}

/// <summary>A review round's decision on one current rule: 保留 / 废止 / 修订.</summary>
public enum RuleDecision
{
    Keep = 1,
    Abolish = 2,
    Revise = 3,
}

/// <summary>
/// 制度: a rule an organization keeps (建章立制), with its 文号, title, category, issuer, dates, status, text and files.
/// <see cref="ReplacesId"/> names the rule this one replaced (its revision or successor); <see cref="RectificationItemId"/>
/// the rectification item that asked for it; <see cref="ReviewId"/> the review round whose 修订 decision produced it.
/// </summary>
public sealed class Rule : Entity, IAuditTitled
{
    /// <summary>The organization whose registry holds the rule (it applies to the units below).</summary>
    public Guid OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    /// <summary>文号, e.g. 科党组〔2026〕5号; optional for internal rules.</summary>
    public const int NumberMax = 100;

    public const int TitleMax = 200;

    public const int CategoryMax = 50;

    public const int IssuerMax = 100;

    public const int TextMax = 100_000;

    public string? Number { get; set; }

    public required string Title { get; set; }

    /// <summary>作风建设, 会议文件, 公务接待, 财务管理, 干部管理, 党建工作 … (free, with suggestions).</summary>
    public required string Category { get; set; }

    /// <summary>发文单位.</summary>
    public required string Issuer { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public RuleStatus Status { get; set; } = RuleStatus.Current;

    /// <summary>When it stopped applying (abolished or replaced).</summary>
    public DateOnly? AbolishedOn { get; set; }

    /// <summary>Why it was abolished (a review's reason, or the rule that replaced it).</summary>
    public string? AbolishReason { get; set; }

    public string? Text { get; set; }

    public Guid? ReplacesId { get; set; }

    public Guid? RectificationItemId { get; set; }

    public Guid? ReviewId { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class RuleConfiguration : IEntityTypeConfiguration<Rule>
{
    public void Configure(EntityTypeBuilder<Rule> b)
    {
        b.Property(x => x.Number).HasMaxLength(Rule.NumberMax);
        b.Property(x => x.Title).HasMaxLength(Rule.TitleMax);
        b.Property(x => x.Category).HasMaxLength(Rule.CategoryMax);
        b.Property(x => x.Issuer).HasMaxLength(Rule.IssuerMax);
        b.Property(x => x.AbolishReason).HasMaxLength(600);
        b.Property(x => x.Text).HasMaxLength(Rule.TextMax);
        b.HasIndex(x => new { x.OrgUnitId, x.Status });
        b.HasIndex(x => x.ReplacesId).IsUnique();
        b.HasIndex(x => x.RectificationItemId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Rule>().WithMany().HasForeignKey(x => x.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RectificationItem>().WithMany().HasForeignKey(x => x.RectificationItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<RuleReview>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>制度清理: a round in which every current rule of an organization gets a decision with a reason.</summary>
public sealed class RuleReview : Entity, IAuditTitled
{
    public Guid OrgUnitId { get; set; }

    public required string Title { get; set; }

    public DateOnly StartedOn { get; set; }

    /// <summary>Set when the round is closed and its decisions applied.</summary>
    public DateOnly? ClosedOn { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class RuleReviewConfiguration : IEntityTypeConfiguration<RuleReview>
{
    public void Configure(EntityTypeBuilder<RuleReview> b)
    {
        b.Property(x => x.Title).HasMaxLength(100);
        b.HasIndex(x => new { x.OrgUnitId, x.StartedOn });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RuleReviewDecision : Entity, IAuditTitled
{
    public Guid ReviewId { get; set; }

    public Guid RuleId { get; set; }

    public Rule? Rule { get; set; }

    public RuleDecision Decision { get; set; }

    public required string Reason { get; set; }

    string IAuditTitled.AuditTitle => RuleLabels.Of(Decision);
}

internal sealed class RuleReviewDecisionConfiguration : IEntityTypeConfiguration<RuleReviewDecision>
{
    public void Configure(EntityTypeBuilder<RuleReviewDecision> b)
    {
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasIndex(x => new { x.ReviewId, x.RuleId }).IsUnique();
        b.HasIndex(x => x.RuleId);
        b.HasOne<RuleReview>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Rule).WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class RuleLabels
{
    public static IReadOnlyList<string> Categories { get; } = ["作风建设", "会议文件", "公务接待", "财务管理", "干部管理", "党建工作", "服务群众", "其他"];

    public static string Of(RuleStatus s) => s switch
    {
        RuleStatus.Current => "现行",
        RuleStatus.Revising => "修订中",
        _ => "已废止",
    };

    public static string Colour(RuleStatus s) => s switch
    {
        RuleStatus.Current => "green",
        RuleStatus.Revising => "amber",
        _ => "grey",
    };

    public static string Of(RuleDecision d) => d switch
    {
        RuleDecision.Keep => "保留",
        RuleDecision.Abolish => "废止",
        _ => "修订",
    };
}

/// <summary>The registry's checks, kept pure for tests.</summary>
public static class RuleRules
{
    /// <summary>
    /// Why <paramref name="ruleId"/> may not replace <paramref name="replacesId"/>: itself, a rule of another
    /// organization, an abolished one, or one that (through its own chain) was replaced from this rule.
    /// <paramref name="chain"/> maps each rule to the one it replaced.
    /// </summary>
    public static string? CheckReplaces(Guid ruleId, Guid? replacesId, Guid orgUnitId, IReadOnlyDictionary<Guid, (Guid OrgUnitId, RuleStatus Status, Guid? ReplacesId)> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (replacesId is not { } target)
        {
            return null;
        }

        if (target == ruleId)
        {
            return "一项制度不能替代它自己。请选择被修订或被替代的另一项制度。";
        }

        if (!chain.TryGetValue(target, out var replaced) || replaced.OrgUnitId != orgUnitId)
        {
            return "只能替代本单位制度库中的制度。";
        }

        if (replaced.Status == RuleStatus.Abolished && !IsReplacedBy(target, ruleId, chain))
        {
            return "该制度已废止，不能再被替代。";
        }

        // Walking back from the target must not reach this rule, or the history would loop.
        var seen = new HashSet<Guid>();
        for (Guid? at = target; at is { } current && seen.Add(current); at = chain.TryGetValue(current, out var x) ? x.ReplacesId : null)
        {
            if (current == ruleId)
            {
                return "替代关系不能形成循环（被替代的制度本身是由这项制度演变而来的）。";
            }
        }

        return null;
    }

    private static bool IsReplacedBy(Guid target, Guid ruleId, IReadOnlyDictionary<Guid, (Guid OrgUnitId, RuleStatus Status, Guid? ReplacesId)> chain) =>
        chain.TryGetValue(ruleId, out var self) && self.ReplacesId == target;

    public static string? CheckDates(DateOnly issuedOn, DateOnly? effectiveOn, DateOnly today)
    {
        if (issuedOn > today)
        {
            return "印发日期不能晚于今天。";
        }

        return effectiveOn is { } e && e < issuedOn ? "施行日期不能早于印发日期。" : null;
    }
}
