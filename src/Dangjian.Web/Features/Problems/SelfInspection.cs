using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Problems;

/// <summary>The "四不过关": a self-inspection that fails any of them is returned.</summary>
[Flags]
public enum ReviewCriteria
{
    None = 0,
    ProblemsInaccurate = 1,
    AnalysisShallow = 2,
    OpinionsIgnored = 4,
    MeasuresVague = 8,
}

/// <summary>
/// 对照检查材料 of one leader (<see cref="PersonId"/>) or of the leadership team (none), written in its required sections.
/// Each save becomes a draft version of <see cref="DocumentId"/> (an approval document), so versions, comparison,
/// submission and the supervision group's decision are those of every approved material.
/// </summary>
public sealed class SelfInspection : Entity, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public Guid? PersonId { get; set; }

    public Person? Person { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary>The most any one section may hold.</summary>
    public const int SectionMax = 20000;

    public string? Formalism { get; set; }

    public string? Bureaucratism { get; set; }

    public string? Hedonism { get; set; }

    public string? Extravagance { get; set; }

    public string? Explanations { get; set; }

    public string? RootCauses { get; set; }

    public string? Measures { get; set; }

    string IAuditTitled.AuditTitle => "对照检查材料";
}

internal sealed class SelfInspectionConfiguration : IEntityTypeConfiguration<SelfInspection>
{
    public void Configure(EntityTypeBuilder<SelfInspection> b)
    {
        foreach (var section in SelfInspectionSections.All)
        {
            b.Property<string?>(section.Key).HasMaxLength(SelfInspection.SectionMax);
        }

        b.HasIndex(x => new { x.CampaignId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.DocumentId).IsUnique();
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApprovalDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A colleague's comment on a self-inspection (在一定范围内征求意见).</summary>
public sealed class SelfInspectionComment : Entity, IAuditTitled
{
    public Guid SelfInspectionId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public required string Text { get; set; }

    string IAuditTitled.AuditTitle => "对照检查材料意见";
}

internal sealed class SelfInspectionCommentConfiguration : IEntityTypeConfiguration<SelfInspectionComment>
{
    public void Configure(EntityTypeBuilder<SelfInspectionComment> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => x.SelfInspectionId);
        b.HasOne<SelfInspection>().WithMany().HasForeignKey(x => x.SelfInspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The supervision group's review of one version against the "四不过关".</summary>
public sealed class SelfInspectionReview : Entity, IAuditTitled
{
    public Guid SelfInspectionId { get; set; }

    public int VersionNumber { get; set; }

    public ReviewCriteria Failed { get; set; }

    public bool Passed => Failed == ReviewCriteria.None;

    public string? Comment { get; set; }

    public string? ReviewerName { get; set; }

    string IAuditTitled.AuditTitle => Passed ? "过关" : "不过关";
}

internal sealed class SelfInspectionReviewConfiguration : IEntityTypeConfiguration<SelfInspectionReview>
{
    public void Configure(EntityTypeBuilder<SelfInspectionReview> b)
    {
        b.Ignore(x => x.Passed);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.ReviewerName).HasMaxLength(100);
        b.HasIndex(x => x.SelfInspectionId);
        b.HasOne<SelfInspection>().WithMany().HasForeignKey(x => x.SelfInspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class SelfInspectionSections
{
    public sealed record Section(string Key, string Title, string Hint, Func<SelfInspection, string?> Get, Action<SelfInspection, string?> Set);

    public static IReadOnlyList<Section> All { get; } =
    [
        new("Formalism", "一、形式主义方面的具体表现和典型事例", "逐项列出具体表现、典型事例", s => s.Formalism, (s, v) => s.Formalism = v),
        new("Bureaucratism", "二、官僚主义方面的具体表现和典型事例", "逐项列出具体表现、典型事例", s => s.Bureaucratism, (s, v) => s.Bureaucratism = v),
        new("Hedonism", "三、享乐主义方面的具体表现和典型事例", "逐项列出具体表现、典型事例", s => s.Hedonism, (s, v) => s.Hedonism = v),
        new("Extravagance", "四、奢靡之风方面的具体表现和典型事例", "逐项列出具体表现、典型事例", s => s.Extravagance, (s, v) => s.Extravagance = v),
        new("Explanations", "五、有关情况说明", "对“三公”经费支出、职务消费、人情消费、公务用车、办公用房和住房、家属子女从业等情况作出说明", s => s.Explanations, (s, v) => s.Explanations = v),
        new("RootCauses", "六、产生问题的根源剖析", "从理想信念、宗旨意识、党性修养、政治纪律等方面剖析根源", s => s.RootCauses, (s, v) => s.RootCauses = v),
        new("Measures", "七、努力方向和整改措施", "明确努力方向和具体、可检查的整改措施", s => s.Measures, (s, v) => s.Measures = v),
    ];

    public static IReadOnlyList<(ReviewCriteria Criterion, string Label)> Criteria { get; } =
    [
        (ReviewCriteria.ProblemsInaccurate, "问题找得不准"),
        (ReviewCriteria.AnalysisShallow, "分析不深不透"),
        (ReviewCriteria.OpinionsIgnored, "群众意见没有吸收"),
        (ReviewCriteria.MeasuresVague, "整改措施不具体"),
    ];

    public static string Describe(ReviewCriteria failed) =>
        string.Join("、", Criteria.Where(c => failed.HasFlag(c.Criterion)).Select(c => c.Label));

    /// <summary>The version text: every section under its heading.</summary>
    public static string Compose(SelfInspection inspection) =>
        string.Join("\n\n", All.Select(s => s.Title + "\n" + (s.Get(inspection) ?? "").Trim()));
}
