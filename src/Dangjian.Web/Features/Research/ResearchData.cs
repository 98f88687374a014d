using Dangjian.Web.Features.Research;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Research; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<ResearchTopic> ResearchTopics => Set<ResearchTopic>();

    public DbSet<OutreachActivity> OutreachActivities => Set<OutreachActivity>();

    public DbSet<Visit> Visits => Set<Visit>();
}
