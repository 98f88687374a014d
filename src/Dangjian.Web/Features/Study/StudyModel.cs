using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Study;

/// <summary>The session kinds the seeds name.</summary>
public enum SessionKind
{
    CentralGroup = 1,
    PartyLecture = 2,
    ExpertLecture = 3,
    WarningEducation = 4,
    Film = 5,
    Visit = 6,
    Discussion = 7,
    Test = 8,
    Collective = 9,
}

public enum AttendanceStatus
{
    Expected = 1,
    Present = 2,
    Leave = 3,
}

/// <summary>学习会: a dated study session of a campaign, linked to a phase and optionally to a count milestone.</summary>
public sealed class StudySession : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public Guid? PhaseId { get; set; }

    /// <summary>A count milestone such as "中心组学习会至少2次": sessions held count towards it.</summary>
    public Guid? MilestoneId { get; set; }

    public SessionKind Kind { get; set; }

    public const int TitleMax = 200;

    public const int PlaceMax = 200;

    public const int SpeakerMax = 100;

    public const int AgendaMax = 4000;

    public required string Title { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string? Place { get; set; }

    public string? Speaker { get; set; }

    public string? Agenda { get; set; }

    public string? Minutes { get; set; }

    /// <summary>学时 an attendee earns (<see cref="StudyHours"/>): as entered, or else the session's duration.</summary>
    public double Hours
    {
        get => enteredHours ?? StudyHours.FromDuration(StartsAt, EndsAt);
        set => enteredHours = value;
    }

    private double? enteredHours;

    /// <summary>Random secret that signs this session's QR sign-in codes; never shown.</summary>
    public required string SignInSecret { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class StudySessionConfiguration : IEntityTypeConfiguration<StudySession>
{
    public void Configure(EntityTypeBuilder<StudySession> b)
    {
        b.Property(x => x.Title).HasMaxLength(StudySession.TitleMax);
        b.Property(x => x.Place).HasMaxLength(StudySession.PlaceMax);
        b.Property(x => x.Speaker).HasMaxLength(StudySession.SpeakerMax);
        b.Property(x => x.Agenda).HasMaxLength(StudySession.AgendaMax);
        b.Property(x => x.Minutes).HasMaxLength(20000);
        b.Property(x => x.SignInSecret).HasMaxLength(64);
        b.HasIndex(x => new { x.CampaignId, x.StartsAt });
        b.HasIndex(x => x.MilestoneId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>One expected attendee of a session and what became of them (签到, 请假, 补学, 送学上门).</summary>
public sealed class SessionAttendee : Entity, IAuditTitled
{
    public Guid SessionId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public AttendanceStatus Status { get; set; } = AttendanceStatus.Expected;

    public DateTime? SignedInAt { get; set; }

    /// <summary>"扫码" or "登记" (marked by the office).</summary>
    public string? SignInMethod { get; set; }

    public string? LeaveReason { get; set; }

    /// <summary>A member asked for leave; pending until the office approves (status becomes 请假) or refuses.</summary>
    public DateTime? LeaveRequestedAt { get; set; }

    public string? LeaveRefusal { get; set; }

    public DateTime? MakeUpAssignedAt { get; set; }

    public DateTime? MakeUpDoneAt { get; set; }

    public string? MakeUpNote { get; set; }

    /// <summary>送学上门: materials delivered to a retired or ill member.</summary>
    public DateTime? DeliveredAt { get; set; }

    string IAuditTitled.AuditTitle => "考勤";
}

internal sealed class SessionAttendeeConfiguration : IEntityTypeConfiguration<SessionAttendee>
{
    public void Configure(EntityTypeBuilder<SessionAttendee> b)
    {
        b.Property(x => x.SignInMethod).HasMaxLength(10);
        b.Property(x => x.LeaveReason).HasMaxLength(500);
        b.Property(x => x.MakeUpNote).HasMaxLength(1000);
        b.Property(x => x.LeaveRefusal).HasMaxLength(500);
        b.HasIndex(x => new { x.SessionId, x.PersonId }).IsUnique();
        b.HasIndex(x => new { x.PersonId, x.Status });
        b.HasOne<StudySession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasQueryFilter(x => x.Person!.DeletedAt == null);
    }
}
