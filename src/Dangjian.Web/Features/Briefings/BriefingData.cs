using Dangjian.Web.Features.Briefings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Briefings; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Briefing> Briefings => Set<Briefing>();
}
