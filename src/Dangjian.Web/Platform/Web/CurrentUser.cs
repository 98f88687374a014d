using System.Security.Claims;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Who is asking, for the layout and for scoping: name, roles, their unit and its data scope. Loaded with
/// one query on first use in a request.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db)
{
    private Profile? profile;
    private DataScope? scope;

    public sealed record Profile(Guid UserId, string DisplayName, string? UnitName, string? UnitPath, IReadOnlyList<string> RoleNames, Guid? PersonId = null, Guid? UnitId = null);

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string DisplayName => Principal.FindFirstValue(AppClaims.DisplayName) ?? Principal.Identity?.Name ?? "";

    public IReadOnlyList<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public async Task<Profile?> GetProfileAsync(CancellationToken ct = default)
    {
        if (profile is not null || Id is not { } id)
        {
            return profile;
        }

        var unit = await (from u in db.Users
                          where u.Id == id
                          join p in db.People on u.PersonId equals p.Id into people
                          from p in people.DefaultIfEmpty()
                          join o in db.Set<OrgUnit>() on p.OrgUnitId equals o.Id into units
                          from o in units.DefaultIfEmpty()
                          select new { u.PersonId, UnitId = o == null ? (Guid?)null : o.Id, UnitName = o == null ? null : o.Name, UnitPath = o == null ? null : o.Path })
                         .FirstOrDefaultAsync(ct);
        profile = new Profile(
            id,
            DisplayName,
            unit?.UnitName,
            unit?.UnitPath,
            Roles.Select(r => Identity.Roles.DisplayNames.GetValueOrDefault(r, r)).ToList(),
            unit?.PersonId,
            unit?.UnitId);
        return profile;
    }

    /// <summary>The account's person record (read with the profile, once per request); none for administrators.</summary>
    public async Task<Guid?> GetPersonIdAsync(CancellationToken ct = default) => (await GetProfileAsync(ct))?.PersonId;

    /// <summary>
    /// The org subtree this person may see: their own unit's subtree; for the campaign office and leaders,
    /// the whole organization their unit belongs to (its root). Nothing for accounts with no unit (the
    /// administrators). Supervised units join this when campaigns define supervision groups.
    /// </summary>
    public async Task<DataScope> GetScopeAsync(CancellationToken ct = default) => scope ??= await LoadScopeAsync(ct);

    private async Task<DataScope> LoadScopeAsync(CancellationToken ct)
    {
        var p = await GetProfileAsync(ct);
        if (p?.UnitPath is not { } path)
        {
            return DataScope.Nothing;
        }

        var wholeOrganization = Principal.IsInRole(Identity.Roles.CampaignOffice) || Principal.IsInRole(Identity.Roles.Leader);
        var paths = new List<string> { wholeOrganization ? RootOf(path) : path };
        if (Principal.IsInRole(Identity.Roles.Supervisor))
        {
            // The supervision group's members see every unit their group (or a group above it) supervises.
            var supervised = await (from link in db.SupervisionLinks
                                    join supervisor in db.OrgUnits on link.SupervisorUnitId equals supervisor.Id
                                    join target in db.OrgUnits on link.SupervisedUnitId equals target.Id
                                    where path.StartsWith(supervisor.Path)
                                    select target.Path).ToListAsync(ct);
            paths.AddRange(supervised);
        }

        return new DataScope(paths.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>"/a/b/c/" → "/a/".</summary>
    public static string RootOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var end = path.IndexOf('/', 1);
        return end < 0 ? path : path[..(end + 1)];
    }
}
