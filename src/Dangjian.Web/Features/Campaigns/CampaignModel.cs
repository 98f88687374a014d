using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Campaigns;

public enum CampaignStatus
{
    Preparing = 1,
    Running = 2,
    Ended = 3,
}

public enum CampaignGroup
{
    LeadingGroup = 1,
    Office = 2,
    Supervision = 3,
    Observer = 4,
}

public enum PhaseStatus
{
    NotStarted = 1,
    InProgress = 2,
    AwaitingReview = 3,
    Completed = 4,
}

public enum MilestoneStatus
{
    Open = 1,
    Done = 2,
}

/// <summary>The record whose existence completes a milestone by itself (节点跟随记录).</summary>
public enum MilestoneRecord
{
    /// <summary>发放征求意见函: a letter of the campaign has gone out.</summary>
    LetterSent = 1,

    /// <summary>召开专题民主生活会: the campaign's 民主生活会 has been held.</summary>
    DemocraticLifeMeeting = 2,

    /// <summary>环节工作小结: the milestone's phase has its 环节小结 approved.</summary>
    PhaseSummaryApproved = 3,

    /// <summary>制定整改方案: the campaign's own 整改方案 is approved.</summary>
    RectificationPlanApproved = 4,

    /// <summary>活动总结: the campaign's summary is approved.</summary>
    CampaignSummaryApproved = 5,
}

public enum DocumentKind
{
    ImplementationPlan = 1,
    StudyPlan = 2,
    Speech = 3,
    PhaseSummary = 4,
    SelfInspection = 5,
    RectificationPlan = 6,
    Briefing = 7,
    CampaignSummary = 8,
    Other = 9,
}

public enum DocumentStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Approved = 4,
}

/// <summary>活动: a campaign over an org subtree, with ordered phases.</summary>
public sealed class Campaign : Entity, ISoftDeletable, IAuditTitled
{
    public const int TitleMax = 200;

    public const int ThemeMax = 500;

    public required string Title { get; set; }

    public string? Theme { get; set; }

    public Guid ScopeUnitId { get; set; }

    public OrgUnit? ScopeUnit { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public CampaignStatus Status { get; set; } = CampaignStatus.Preparing;

    /// <summary>不分阶段、不搞转段: phases overlap and no phase waits for the previous summary.</summary>
    public bool PhasesOverlap { get; set; }

    public string? TemplateKey { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    /// <summary>Whether <paramref name="day"/> is a day of the campaign that has already come (what is recorded as done — a talk, a meeting, a visit — happened on such a day, 补录 included).</summary>
    public bool HasHappenedOn(DateOnly day, DateOnly today) => day >= StartsOn && day <= EndsOn && day <= today;

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(c => c.Title).HasMaxLength(Campaign.TitleMax);
        b.Property(c => c.Theme).HasMaxLength(Campaign.ThemeMax);
        b.Property(c => c.TemplateKey).HasMaxLength(50);
        b.HasIndex(c => new { c.ScopeUnitId, c.StartsOn });
        b.HasIndex(c => c.Status);
        b.HasOne(c => c.ScopeUnit).WithMany().HasForeignKey(c => c.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A person in one of the campaign's groups (领导小组, 办公室, 督导组, 群众观察员) with their title there.</summary>
public sealed class CampaignMember : Entity, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public CampaignGroup Group { get; set; }

    /// <summary>组长, 副组长, 成员, 主任, 工作人员…</summary>
    public required string Title { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class CampaignMemberConfiguration : IEntityTypeConfiguration<CampaignMember>
{
    public void Configure(EntityTypeBuilder<CampaignMember> b)
    {
        b.Property(m => m.Title).HasMaxLength(50);
        b.HasIndex(m => new { m.CampaignId, m.PersonId, m.Group }).IsUnique();
        b.HasIndex(m => m.PersonId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasQueryFilter(m => m.Person!.DeletedAt == null);
    }
}

/// <summary>环节: an ordered phase with a planned window.</summary>
public sealed class Phase : Entity, IAuditTitled
{
    public const int NameMax = 100;

    public Guid CampaignId { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public PhaseStatus Status { get; set; } = PhaseStatus.NotStarted;

    string IAuditTitled.AuditTitle => Name;
}

internal sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> b)
    {
        b.Property(p => p.Name).HasMaxLength(Phase.NameMax);
        b.HasIndex(p => new { p.CampaignId, p.Order }).IsUnique();
        b.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>节点任务: a deadline with an owner; a count rule when <see cref="RequiredCount"/> is set.</summary>
public sealed class Milestone : Entity, IAuditTitled
{
    public const int TitleMax = 200;

    public const int EvidenceMax = 2000;

    public Guid CampaignId { get; set; }

    public Guid PhaseId { get; set; }

    public required string Title { get; set; }

    public DateOnly Deadline { get; set; }

    public Guid? OwnerPersonId { get; set; }

    public Person? OwnerPerson { get; set; }

    public Guid? OwnerUnitId { get; set; }

    public OrgUnit? OwnerUnit { get; set; }

    /// <summary>"主要负责同志至少召开2次座谈会": 2.</summary>
    public int? RequiredCount { get; set; }

    public int DoneCount { get; set; }

    public MilestoneStatus Status { get; set; } = MilestoneStatus.Open;

    public string? Evidence { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>The record that completes this milestone by itself when it exists (<see cref="MilestoneFollower"/>).</summary>
    public MilestoneRecord? Follows { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.Property(m => m.Title).HasMaxLength(Milestone.TitleMax);
        b.Property(m => m.Evidence).HasMaxLength(Milestone.EvidenceMax);
        b.HasIndex(m => new { m.CampaignId, m.Deadline });
        b.HasIndex(m => new { m.Status, m.Deadline });
        b.HasIndex(m => m.PhaseId);
        b.HasIndex(m => m.OwnerPersonId);
        b.HasIndex(m => m.OwnerUnitId);
        b.HasOne<Phase>().WithMany().HasForeignKey(m => m.PhaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.OwnerPerson).WithMany().HasForeignKey(m => m.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.OwnerUnit).WithMany().HasForeignKey(m => m.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A document that needs upper approval; its text lives in <see cref="DocumentVersion"/>s.</summary>
public sealed class ApprovalDocument : Entity, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public Guid? PhaseId { get; set; }

    public DocumentKind Kind { get; set; }

    /// <summary>For a per-unit document (a 直属单位's 整改方案), the unit; null for the campaign's own.</summary>
    public Guid? UnitId { get; set; }

    public required string Title { get; set; }

    public DocumentStatus Status { get; set; } = DocumentStatus.Draft;

    /// <summary>The account that last submitted it (may not approve it).</summary>
    public Guid? SubmittedById { get; set; }

    public DateTime? SubmittedAt { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class ApprovalDocumentConfiguration : IEntityTypeConfiguration<ApprovalDocument>
{
    public void Configure(EntityTypeBuilder<ApprovalDocument> b)
    {
        b.Property(d => d.Title).HasMaxLength(200);
        b.HasIndex(d => new { d.CampaignId, d.Status });
        b.HasIndex(d => d.PhaseId);
        b.HasIndex(d => new { d.CampaignId, d.Kind, d.UnitId });
        b.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>One version of a document, with the decision taken on it. Approved and returned versions never change.</summary>
public sealed class DocumentVersion : Entity, IAuditTitled
{
    public Guid DocumentId { get; set; }

    public int Number { get; set; }

    public required string Body { get; set; }

    public Guid? AuthorId { get; set; }

    public string? AuthorName { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DocumentStatus Decision { get; set; } = DocumentStatus.Draft;

    public Guid? DecidedById { get; set; }

    public string? DecidedByName { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? Comment { get; set; }

    string IAuditTitled.AuditTitle => $"第{Number}版";
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.Property(v => v.Body).HasMaxLength(100000);
        b.Property(v => v.AuthorName).HasMaxLength(100);
        b.Property(v => v.DecidedByName).HasMaxLength(100);
        b.Property(v => v.Comment).HasMaxLength(4000);
        b.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        b.HasOne<ApprovalDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
