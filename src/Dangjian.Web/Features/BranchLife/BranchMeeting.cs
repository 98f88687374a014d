using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.BranchLife;

/// <summary>三会一课 and the 主题党日: 支部党员大会, 支部委员会, 党小组会, 党课, 主题党日（统一活动日）.</summary>
public enum BranchMeetingKind
{
    GeneralMeeting = 1,
    CommitteeMeeting = 2,
    GroupMeeting = 3,
    PartyLecture = 4,
    ThemeDay = 5,
}

/// <summary>How often a kind of meeting is due.</summary>
public enum Rhythm
{
    Monthly = 1,
    Quarterly = 3,
}

/// <summary>
/// A branch's meeting (三会一课, 主题党日) between campaigns: which branch or 党小组, which kind, when and where, who hosted
/// (and who gave the 党课), the topic, agenda, minutes and resolutions. Attendance is one <see cref="BranchMeetingAttendee"/>
/// per member expected.
/// </summary>
public sealed class BranchMeeting : Entity, IAuditTitled
{
    public const int TopicMax = 200;

    public const int PlaceMax = 200;

    public const int TextMax = 20000;

    /// <summary>The 党支部 (or 党总支) — or, for a 党小组会, the 党小组 — that held it.</summary>
    public Guid OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    public BranchMeetingKind Kind { get; set; }

    public DateOnly HeldOn { get; set; }

    public string? Place { get; set; }

    public Guid? HostId { get; set; }

    public Person? Host { get; set; }

    /// <summary>Who gave the 党课 (the branch secretary, a leader, an invited speaker on the roster).</summary>
    public Guid? LecturerId { get; set; }

    public Person? Lecturer { get; set; }

    public required string Topic { get; set; }

    public string? Agenda { get; set; }

    public string? Minutes { get; set; }

    public string? Resolutions { get; set; }

    string IAuditTitled.AuditTitle => $"{BranchLifeLabels.Of(Kind)} {HeldOn:yyyy-MM-dd} {Topic}";
}

/// <summary>One member expected at a branch meeting: present, on leave (with the reason), or absent; and the 补学 done.</summary>
public sealed class BranchMeetingAttendee : Entity, IAuditTitled
{
    public Guid MeetingId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public Study.AttendanceStatus Status { get; set; } = Study.AttendanceStatus.Expected;

    public string? LeaveReason { get; set; }

    public DateTime? MakeUpDoneAt { get; set; }

    string IAuditTitled.AuditTitle => "参会记录";
}

public static class BranchLifeLabels
{
    public static IReadOnlyList<BranchMeetingKind> Kinds { get; } = Enum.GetValues<BranchMeetingKind>();

    public static string Of(BranchMeetingKind kind) => kind switch
    {
        BranchMeetingKind.GeneralMeeting => "支部党员大会",
        BranchMeetingKind.CommitteeMeeting => "支部委员会",
        BranchMeetingKind.GroupMeeting => "党小组会",
        BranchMeetingKind.PartyLecture => "党课",
        _ => "主题党日",
    };

    /// <summary>The rhythm commonly practised: 支部党员大会 and 党课 quarterly, 支委会, 党小组会 and 主题党日 monthly.</summary>
    public static Rhythm RhythmOf(BranchMeetingKind kind) => kind is BranchMeetingKind.GeneralMeeting or BranchMeetingKind.PartyLecture ? Rhythm.Quarterly : Rhythm.Monthly;

    /// <summary>A 党小组会 is held by a 党小组; every other kind by the branch.</summary>
    public static bool HeldByCell(BranchMeetingKind kind) => kind == BranchMeetingKind.GroupMeeting;

    public static string Of(Rhythm rhythm) => rhythm == Rhythm.Monthly ? "每月" : "每季度";
}

internal sealed class BranchMeetingConfiguration : IEntityTypeConfiguration<BranchMeeting>
{
    public void Configure(EntityTypeBuilder<BranchMeeting> b)
    {
        b.Property(x => x.Topic).HasMaxLength(BranchMeeting.TopicMax);
        b.Property(x => x.Place).HasMaxLength(BranchMeeting.PlaceMax);
        b.Property(x => x.Agenda).HasMaxLength(BranchMeeting.TextMax);
        b.Property(x => x.Minutes).HasMaxLength(BranchMeeting.TextMax);
        b.Property(x => x.Resolutions).HasMaxLength(BranchMeeting.TextMax);
        b.HasIndex(x => new { x.OrgUnitId, x.HeldOn });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Host).WithMany().HasForeignKey(x => x.HostId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Lecturer).WithMany().HasForeignKey(x => x.LecturerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BranchMeetingAttendeeConfiguration : IEntityTypeConfiguration<BranchMeetingAttendee>
{
    public void Configure(EntityTypeBuilder<BranchMeetingAttendee> b)
    {
        b.Property(x => x.LeaveReason).HasMaxLength(200);
        b.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.HasOne<BranchMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
