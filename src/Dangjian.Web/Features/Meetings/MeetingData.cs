using Dangjian.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Meetings; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<LifeMeeting> LifeMeetings => Set<LifeMeeting>();

    public DbSet<MeetingAttendee> MeetingAttendees => Set<MeetingAttendee>();

    public DbSet<Criticism> Criticisms => Set<Criticism>();

    public DbSet<MemberAppraisal> MemberAppraisals => Set<MemberAppraisal>();
}
