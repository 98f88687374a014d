using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Study;

public enum MaterialKind
{
    /// <summary>规定读本.</summary>
    RequiredReading = 1,

    /// <summary>辅导材料.</summary>
    Guide = 2,

    /// <summary>文件汇编, 讲话原文.</summary>
    Document = 3,

    /// <summary>专题片, 音像.</summary>
    Video = 4,
}

/// <summary>A study material of a campaign (规定读本, 辅导材料…), optionally with a file, handed out to people (人手一套).</summary>
public sealed class StudyMaterial : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public MaterialKind Kind { get; set; }

    public const int TitleMax = 200;

    public const int PublisherMax = 200;

    public const int DescriptionMax = 2000;

    public required string Title { get; set; }

    public string? Publisher { get; set; }

    public string? Description { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;

    public static string Label(MaterialKind kind) => kind switch
    {
        MaterialKind.RequiredReading => "规定读本",
        MaterialKind.Guide => "辅导材料",
        MaterialKind.Document => "文件汇编",
        _ => "音像资料",
    };
}

internal sealed class StudyMaterialConfiguration : IEntityTypeConfiguration<StudyMaterial>
{
    public void Configure(EntityTypeBuilder<StudyMaterial> b)
    {
        b.Property(x => x.Title).HasMaxLength(StudyMaterial.TitleMax);
        b.Property(x => x.Publisher).HasMaxLength(StudyMaterial.PublisherMax);
        b.Property(x => x.Description).HasMaxLength(StudyMaterial.DescriptionMax);
        b.HasIndex(x => x.CampaignId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>One person's copy of a material: when it was handed out and when they marked it read.</summary>
public sealed class MaterialCopy : Entity, IAuditTitled
{
    public Guid MaterialId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public DateTime DistributedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    string IAuditTitled.AuditTitle => "发放";
}

internal sealed class MaterialCopyConfiguration : IEntityTypeConfiguration<MaterialCopy>
{
    public void Configure(EntityTypeBuilder<MaterialCopy> b)
    {
        b.HasIndex(x => new { x.MaterialId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.HasOne<StudyMaterial>().WithMany().HasForeignKey(x => x.MaterialId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasQueryFilter(x => x.Person!.DeletedAt == null);
    }
}

/// <summary>
/// 学习计划 with the 四落实 — who (对象), when (时间), what (内容, 读本), expected outcome (成效) — whose text goes through the
/// campaign approvals as a <c>StudyPlan</c> document.
/// </summary>
public sealed class StudyPlan : Entity, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public Guid DocumentId { get; set; }

    public const int TitleMax = 200;

    public const int AudienceMax = 2000;

    public const int TopicsMax = 4000;

    public const int OutcomeMax = 2000;

    public const int ResponsibleMax = 200;

    public required string Title { get; set; }

    /// <summary>学习对象与组织方式: people or units.</summary>
    public required string Audience { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>学习内容: topics, one per line.</summary>
    public required string Topics { get; set; }

    /// <summary>Required readings chosen from the campaign's materials, as material ids separated by commas.</summary>
    public string ReadingIds { get; set; } = "";

    /// <summary>预期成效.</summary>
    public required string Outcome { get; set; }

    /// <summary>责任人 or responsible unit.</summary>
    public string? Responsible { get; set; }

    string IAuditTitled.AuditTitle => Title;

    public IReadOnlyList<Guid> Readings => ReadingIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
}

internal sealed class StudyPlanConfiguration : IEntityTypeConfiguration<StudyPlan>
{
    public void Configure(EntityTypeBuilder<StudyPlan> b)
    {
        b.Property(x => x.Title).HasMaxLength(StudyPlan.TitleMax);
        b.Property(x => x.Audience).HasMaxLength(StudyPlan.AudienceMax);
        b.Property(x => x.Topics).HasMaxLength(StudyPlan.TopicsMax);
        b.Property(x => x.ReadingIds).HasMaxLength(2000);
        b.Property(x => x.Outcome).HasMaxLength(StudyPlan.OutcomeMax);
        b.Property(x => x.Responsible).HasMaxLength(StudyPlan.ResponsibleMax);
        b.HasIndex(x => x.CampaignId);
        b.HasIndex(x => x.DocumentId).IsUnique();
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApprovalDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>专题讨论: a topic with speakers assigned per department and what each said.</summary>
public sealed class DiscussionTopic : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    /// <summary>The 学习交流讨论会 where it is discussed, if any.</summary>
    public Guid? SessionId { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class DiscussionTopicConfiguration : IEntityTypeConfiguration<DiscussionTopic>
{
    public void Configure(EntityTypeBuilder<DiscussionTopic> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.HasIndex(x => x.CampaignId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StudySession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class DiscussionSpeaker : Entity, IAuditTitled
{
    public Guid TopicId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The department the speaker speaks for.</summary>
    public Guid OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    /// <summary>发言要点: what was said, recorded after the discussion.</summary>
    public string? Record { get; set; }

    public DateTime? RecordedAt { get; set; }

    string IAuditTitled.AuditTitle => "发言";
}

internal sealed class DiscussionSpeakerConfiguration : IEntityTypeConfiguration<DiscussionSpeaker>
{
    public void Configure(EntityTypeBuilder<DiscussionSpeaker> b)
    {
        b.Property(x => x.Record).HasMaxLength(4000);
        b.HasIndex(x => new { x.TopicId, x.PersonId }).IsUnique();
        b.HasOne<DiscussionTopic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasQueryFilter(x => x.Person!.DeletedAt == null);
    }
}
