using Dangjian.Web.Features.Rectification;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Rectification; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<RectificationItem> RectificationItems => Set<RectificationItem>();

    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();

    public DbSet<ItemEvent> ItemEvents => Set<ItemEvent>();
}
