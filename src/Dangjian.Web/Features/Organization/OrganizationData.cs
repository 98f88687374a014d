using Dangjian.Web.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Organization; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonUnitRole> PersonUnitRoles => Set<PersonUnitRole>();

    public DbSet<SupervisionLink> SupervisionLinks => Set<SupervisionLink>();
}
