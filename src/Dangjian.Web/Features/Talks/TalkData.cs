using Dangjian.Web.Features.Talks;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Talks; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Talk> Talks => Set<Talk>();

    public DbSet<TalkRequirement> TalkRequirements => Set<TalkRequirement>();
}
