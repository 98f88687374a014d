using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Meetings;

/// <summary>民主生活会 (the leadership team), 组织生活会 (a branch, with 民主评议党员), 通报会 (telling the cadres afterwards).</summary>
public enum MeetingKind
{
    DemocraticLife = 1,
    OrganizationLife = 2,
    Briefing = 3,
}

/// <summary>民主评议党员 result.</summary>
public enum MemberGrade
{
    Excellent = 1,
    Qualified = 2,
    BasicallyQualified = 3,
    Unqualified = 4,
}

/// <summary>
/// A life meeting: when and where, who hosted it, who attended, the criticism and self-criticism raised, the responses
/// to the public's opinions, the report sent upward, and — for a 民主生活会 — the 通报会 held afterwards
/// (<see cref="FollowsId"/> on the briefing).
/// </summary>
public sealed class LifeMeeting : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public const int TitleMax = 200;

    public const int PlaceMax = 200;

    public const int SummaryMax = 20000;

    public const int OpinionResponsesMax = 20000;

    public MeetingKind Kind { get; set; }

    public required string Title { get; set; }

    public DateOnly HeldOn { get; set; }

    public string? Place { get; set; }

    public Guid HostPersonId { get; set; }

    public Person? HostPerson { get; set; }

    /// <summary>The branch holding a 组织生活会; the campaign's unit otherwise.</summary>
    public Guid OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    /// <summary>会议情况: how it went, as recorded.</summary>
    public string? Summary { get; set; }

    /// <summary>对群众意见的回应.</summary>
    public string? OpinionResponses { get; set; }

    /// <summary>When the meeting's report went to the higher level, and what it said.</summary>
    public DateOnly? ReportedOn { get; set; }

    public string? Report { get; set; }

    /// <summary>For a 通报会: the 民主生活会 it reports on.</summary>
    public Guid? FollowsId { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class LifeMeetingConfiguration : IEntityTypeConfiguration<LifeMeeting>
{
    public void Configure(EntityTypeBuilder<LifeMeeting> b)
    {
        b.Property(x => x.Title).HasMaxLength(LifeMeeting.TitleMax);
        b.Property(x => x.Place).HasMaxLength(LifeMeeting.PlaceMax);
        b.Property(x => x.Summary).HasMaxLength(LifeMeeting.SummaryMax);
        b.Property(x => x.OpinionResponses).HasMaxLength(LifeMeeting.OpinionResponsesMax);
        b.Property(x => x.Report).HasMaxLength(20000);
        b.HasIndex(x => new { x.CampaignId, x.Kind });
        b.HasIndex(x => x.FollowsId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.HostPerson).WithMany().HasForeignKey(x => x.HostPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LifeMeeting>().WithMany().HasForeignKey(x => x.FollowsId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MeetingAttendee : Entity, IAuditTitled
{
    public Guid MeetingId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>Null when present; the reason when absent.</summary>
    public string? AbsenceReason { get; set; }

    string IAuditTitled.AuditTitle => "参会人员";
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> b)
    {
        b.Property(x => x.AbsenceReason).HasMaxLength(200);
        b.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
        b.HasOne<LifeMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>批评和自我批评: who raised what about whom (<see cref="ToPersonId"/> empty: self-criticism).</summary>
public sealed class Criticism : Entity, IAuditTitled
{
    public Guid MeetingId { get; set; }

    public Guid FromPersonId { get; set; }

    public Person? FromPerson { get; set; }

    public Guid? ToPersonId { get; set; }

    public Person? ToPerson { get; set; }

    public required string Text { get; set; }

    string IAuditTitled.AuditTitle => ToPersonId is null ? "自我批评" : "相互批评";
}

internal sealed class CriticismConfiguration : IEntityTypeConfiguration<Criticism>
{
    public void Configure(EntityTypeBuilder<Criticism> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => x.MeetingId);
        b.HasOne<LifeMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.FromPerson).WithMany().HasForeignKey(x => x.FromPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ToPerson).WithMany().HasForeignKey(x => x.ToPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>民主评议党员 at an organization life meeting: each member's result.</summary>
public sealed class MemberAppraisal : Entity, IAuditTitled
{
    public Guid MeetingId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public MemberGrade Grade { get; set; }

    string IAuditTitled.AuditTitle => "民主评议党员";
}

internal sealed class MemberAppraisalConfiguration : IEntityTypeConfiguration<MemberAppraisal>
{
    public void Configure(EntityTypeBuilder<MemberAppraisal> b)
    {
        b.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
        b.HasOne<LifeMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class MeetingLabels
{
    public static string Of(MeetingKind k) => k switch
    {
        MeetingKind.DemocraticLife => "民主生活会",
        MeetingKind.OrganizationLife => "组织生活会",
        _ => "通报会",
    };

    public static string Of(MemberGrade g) => g switch
    {
        MemberGrade.Excellent => "优秀",
        MemberGrade.Qualified => "合格",
        MemberGrade.BasicallyQualified => "基本合格",
        _ => "不合格",
    };
}
