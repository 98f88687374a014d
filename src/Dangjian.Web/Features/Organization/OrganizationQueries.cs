using Dangjian.Web.Platform.Organization;

namespace Dangjian.Web.Features.Organization;

public static class OrganizationQueries
{
    /// <summary>
    /// The organizations among <paramref name="units"/> that keep their own registers (a rules registry, an assessment
    /// scheme, a rectification plan): the active 局 and 直属单位, top first.
    /// </summary>
    public static IQueryable<OrgUnit> Organizations(this IQueryable<OrgUnit> units) =>
        units.Where(u => u.IsActive && (u.Kind == OrgUnitKind.Bureau || u.Kind == OrgUnitKind.Subsidiary)).OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder);
}
