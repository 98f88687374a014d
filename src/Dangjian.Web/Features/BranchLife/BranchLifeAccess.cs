using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.BranchLife;

/// <summary>
/// Who reads and records a branch's meetings. The office whose scope covers the branch records them (with the study
/// edit permission) and reads them; a branch's own members read its meetings and those of its 党小组; a superior's
/// scope reads below it. Another branch's members do not: for them the meeting does not exist (404).
/// </summary>
public sealed class BranchLifeAccess(AppDbContext db, ScopeGuard guard, CurrentUser me)
{
    public sealed record Unit(Guid Id, string Name, OrgUnitKind Kind, string Path);

    /// <summary>The 党支部, 党总支 and 党小组 the caller records meetings for.</summary>
    public async Task<List<Unit>> RecordableAsync(CancellationToken ct = default)
    {
        if (!me.Principal.Can(Permissions.StudyEdit))
        {
            return [];
        }

        return await db.OrgUnits.AsNoTracking().InScope(await guard.ScopeAsync(ct), u => u.Path)
            .Where(u => u.IsActive && (u.Kind == OrgUnitKind.Branch || u.Kind == OrgUnitKind.GeneralBranch || u.Kind == OrgUnitKind.PartyCell))
            .OrderBy(u => u.Path).Select(u => new Unit(u.Id, u.Name, u.Kind, u.Path)).Take(2000).ToListAsync(ct);
    }

    /// <summary>The path of the caller's own 所在党组织, if any.</summary>
    public async Task<string?> OwnBranchPathAsync(CancellationToken ct = default) =>
        await me.GetPersonIdAsync(ct) is { } person
            ? await db.People.Where(p => p.Id == person && p.BranchId != null).Select(p => p.Branch!.Path).SingleOrDefaultAsync(ct)
            : null;

    /// <summary>Whether the caller reads a meeting of the unit at <paramref name="unitPath"/>, and whether they record it.</summary>
    public async Task<(bool Reads, bool Records)> RightsAsync(string unitPath, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unitPath);
        if (!me.Principal.Can(Permissions.StudyView))
        {
            return (false, false);
        }

        var scope = await guard.ScopeAsync(ct);
        var records = scope.Covers(unitPath) && me.Principal.Can(Permissions.StudyEdit);
        var own = await OwnBranchPathAsync(ct);
        var member = own is not null && (own.StartsWith(unitPath, StringComparison.Ordinal) || unitPath.StartsWith(own, StringComparison.Ordinal));
        return (records || scope.Covers(unitPath) || member, records);
    }
}
