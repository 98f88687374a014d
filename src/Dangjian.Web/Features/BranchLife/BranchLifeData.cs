using Dangjian.Web.Features.BranchLife;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/BranchLife; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<BranchMeeting> BranchMeetings => Set<BranchMeeting>();

    public DbSet<BranchMeetingAttendee> BranchMeetingAttendees => Set<BranchMeetingAttendee>();
}
