using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>
/// Ledgers are seen by those whose scope reaches their organization from above or below (a department sees the bureau's
/// ledger it reports to), managed by those holding <see cref="Permissions.LedgersEdit"/> over the organization, and
/// reported on by the responsible department's own people (or the office).
/// </summary>
public sealed class LedgerAccess(AppDbContext db, ScopeGuard guard, CurrentUser me)
{
    public sealed record Rights(bool Manage, Guid? PersonId, string? UnitPath)
    {
        public bool MayReport(string departmentPath) => Manage || (UnitPath is { } mine && mine.StartsWith(departmentPath, StringComparison.Ordinal));
    }

    public async Task<IQueryable<Ledger>> VisibleAsync(CancellationToken ct = default) =>
        db.Ledgers.AsNoTracking().InScopeOrAbove(await guard.ScopeAsync(ct), l => l.OwnerUnit!.Path);

    /// <summary>The ledger if the caller may see it (404 otherwise), with what they may do.</summary>
    public async Task<(Ledger Ledger, Rights Rights)> FindAsync(Guid ledgerId, CancellationToken ct = default)
    {
        var ledger = await (await VisibleAsync(ct)).SingleOrDefaultAsync(l => l.Id == ledgerId, ct) ?? throw new NotFoundException();
        return (ledger, await RightsAsync(ledger, ct));
    }

    public async Task<Rights> RightsAsync(Ledger ledger, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var ownerPath = await db.OrgUnits.Where(u => u.Id == ledger.OwnerUnitId).Select(u => u.Path).SingleAsync(ct);
        var manage = me.Principal.Can(Permissions.LedgersEdit) && await guard.CoversAsync(ownerPath, ct);
        var person = await me.GetPersonIdAsync(ct);
        var unitPath = person is null ? null : (await me.GetProfileAsync(ct))?.UnitPath;
        return new Rights(manage, person, unitPath);
    }
}
